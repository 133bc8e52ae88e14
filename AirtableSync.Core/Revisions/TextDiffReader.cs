using System.Text;
using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Text, long text and AI text: a div.textDiff of span.pre-wrap chunks (§4.2, E2). Old = unchanged + removed
// chunks, new = unchanged + added chunks, joined as written. Chunks normally carry their own spaces; when two chunks that
// touch without a space were separated by whitespace in the markup (hand-formatted HTML), one space is kept between them.
internal static class TextDiffReader
{
    public static DiffSides Read(IElement root, ChangeKind kind)
    {
        if (root.QuerySelector(".textDiff") is not { } diff)
        {
            return ScalarReader.Read(root, kind, TrimmedText);
        }

        var chunks = diff.Children.ToList();
        var old = new Side();
        var @new = new Side();
        var all = new Side();
        foreach (var node in diff.ChildNodes)
        {
            if (node is IElement chunk)
            {
                var text = DiffText.Raw(chunk);
                var side = DiffMarkers.SideOf(chunk, diff, chunks);
                all.Append(text);
                if (side != TokenSide.New)
                {
                    old.Append(text);
                }

                if (side != TokenSide.Old)
                {
                    @new.Append(text);
                }
            }
            else if (node.NodeType == NodeType.Text && string.IsNullOrWhiteSpace(node.TextContent))
            {
                old.Gap();
                @new.Gap();
                all.Gap();
            }
            else if (node.NodeType == NodeType.Text)
            {
                var text = DiffText.Spaces(node.TextContent);
                old.Append(text);
                @new.Append(text);
                all.Append(text);
            }
        }

        return DiffSides.For(kind, old.Values(), @new.Values(), all.Values());
    }

    // Whitespace-preserving text (line breaks matter in long text), trimmed; null when blank.
    public static string? TrimmedText(IElement element)
    {
        var text = DiffText.Raw(element).Trim();
        return text.Length == 0 ? null : text;
    }

    private sealed class Side
    {
        private readonly StringBuilder _text = new();
        private bool _gap;

        public void Gap() => _gap = true;

        public void Append(string chunk)
        {
            if (chunk.Length == 0)
            {
                return;
            }

            if (_gap && _text.Length > 0 && !char.IsWhiteSpace(_text[^1]) && !char.IsWhiteSpace(chunk[0]))
            {
                _text.Append(' ');
            }

            _text.Append(chunk);
            _gap = false;
        }

        // An all-whitespace (all-NBSP) text is an empty value (§4.2).
        public IReadOnlyList<string> Values()
        {
            var text = _text.ToString().Trim();
            return text.Length == 0 ? [] : [text];
        }
    }
}
