using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Number, currency, percent, date and other one-value cells: the old value in a struck / negative element, the new one in a
// colors-background-success element (§4.2). With no marked element, nullToValue/valueToNull take the
// whole cell text; a diff without markers is not understood.
internal static class ScalarReader
{
    public static DiffSides Read(IElement root, ChangeKind kind, Func<IElement, string?> text)
    {
        var marked = Marked(root);
        if (marked.Count == 0)
        {
            if (kind is not (ChangeKind.NullToValue or ChangeKind.ValueToNull))
            {
                return DiffSides.Unrecognised;
            }

            IReadOnlyList<string> whole = text(root) is { } value ? [value] : [];
            return DiffSides.For(kind, whole, whole, whole);
        }

        var old = new List<string>();
        var @new = new List<string>();
        var all = new List<string>();
        foreach (var element in marked)
        {
            if (text(element) is not { } value)
            {
                continue;
            }

            all.Add(value);
            (DiffMarkers.SideOf(element, root, marked) == TokenSide.Old ? old : @new).Add(value);
        }

        return DiffSides.For(kind, old, @new, all);
    }

    // Date cells append the time-zone label (.caps.colors-foreground-subtle, §4.2); our client pins
    // x-time-zone: UTC (§2.6), so the label carries nothing and would make equal dates differ.
    public static string? DateText(IElement element)
    {
        if (element.QuerySelector(".colors-foreground-subtle") is null)
        {
            return DiffText.Name(element);
        }

        var copy = (IElement)element.Clone(deep: true);
        foreach (var label in copy.QuerySelectorAll(".colors-foreground-subtle").ToList())
        {
            label.Remove();
        }

        return DiffText.Name(copy);
    }

    // Outermost elements carrying a diff marker.
    public static IReadOnlyList<IElement> Marked(IElement root) =>
        [.. root.QuerySelectorAll("*").Where(e => HasMarker(e) && !HasMarkedAncestor(e, root))];

    private static bool HasMarker(IElement e) =>
        DiffMarkers.IsStruck(e)
        || e.ClassList.Contains("colors-background-negative")
        || e.ClassList.Contains("colors-background-success")
        || e.ClassList.Contains("added")
        || e.ClassList.Contains("removed");

    private static bool HasMarkedAncestor(IElement e, IElement root)
    {
        for (var parent = e.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            if (HasMarker(parent))
            {
                return true;
            }
        }

        return false;
    }
}
