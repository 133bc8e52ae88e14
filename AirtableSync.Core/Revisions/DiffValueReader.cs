using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Chooses the value extractor by the value's shape (docs/airtable/revision-history.md §4.4 step 5).
internal static class DiffValueReader
{
    private const string Checked = "checked";

    // choices: The schema's choices of a select field, to name tokens that show only an id or a colour.
    public static DiffSides Read(IElement value, DiffValueShape shape, ChangeKind kind, IReadOnlyList<SchemaChoice> choices) => shape switch
    {
        DiffValueShape.SingleSelect => Selects(value, kind, single: true, choices),
        DiffValueShape.MultiSelect => Selects(value, kind, single: false, choices),
        DiffValueShape.SingleCollaborator => Collaborators(value, kind, single: true),
        DiffValueShape.MultiCollaborator => Collaborators(value, kind, single: false),
        DiffValueShape.LinkedRecord => LinkedRecords(value, kind),
        DiffValueShape.Attachment => Attachments(value, kind),
        DiffValueShape.Text => TextDiffReader.Read(value, kind),
        DiffValueShape.Date => ScalarReader.Read(value, kind, ScalarReader.DateText),
        DiffValueShape.Scalar => ScalarReader.Read(value, kind, DiffText.Name),
        DiffValueShape.Rating => Rating(value, kind),
        DiffValueShape.Checkbox => Checkbox(value, kind),
        _ => Guess(value, kind),
    };

    // An unknown type is read only when its markup is unmistakable; plain text alone is left unparsed (§4.1: types differ per base).
    private static DiffSides Guess(IElement value, ChangeKind kind) =>
        value.QuerySelector(".textDiff") is not null ? TextDiffReader.Read(value, kind)
        : value.QuerySelector(".choiceToken") is not null ? TokenReader.Read(TokenReader.SelectTokens(value), value, kind, single: false, TokenReader.SelectName)
        : value.QuerySelector(".foreignRecord") is not null ? LinkedRecords(value, kind)
        : value.QuerySelector(".pill") is not null ? Collaborators(value, kind, single: false)
        : value.QuerySelector(".preview") is not null ? Attachments(value, kind)
        : value.QuerySelector(".ratingContainer") is not null ? Rating(value, kind)
        : DiffSides.Unrecognised;

    // With the schema's choices at hand, a token that neither shows a name nor matches a choice leaves the whole value
    // unparsed: dropping it would store a list with a choice missing as if it were the field's value.
    private static DiffSides Selects(IElement value, ChangeKind kind, bool single, IReadOnlyList<SchemaChoice> choices)
    {
        var tokens = TokenReader.SelectTokens(value);
        var name = ChoiceNames.For(choices);
        if (choices.Count > 0 && tokens.Any(t => name(t) is null))
        {
            return DiffSides.Unrecognised;
        }

        return TokenReader.Read(tokens, value, kind, single, name);
    }

    private static DiffSides Collaborators(IElement value, ChangeKind kind, bool single) =>
        TokenReader.Read(TokenReader.CollaboratorTokens(value), value, kind, single, TokenReader.CollaboratorName);

    private static DiffSides LinkedRecords(IElement value, ChangeKind kind) =>
        TokenReader.Read([.. value.QuerySelectorAll(".foreignRecord")], value, kind, single: false, TokenReader.TitleOrText);

    private static DiffSides Attachments(IElement value, ChangeKind kind) =>
        TokenReader.Read([.. value.QuerySelectorAll(".preview")], value, kind, single: false, TokenReader.AttachmentName, TokenReader.AttachmentSide);

    // Rating = number of visible icons in a .ratingContainer (U-PY: svg:not(.invisible)).
    private static DiffSides Rating(IElement value, ChangeKind kind)
    {
        var containers = value.QuerySelectorAll(".ratingContainer").ToList();
        if (containers.Count == 0)
        {
            return ScalarReader.Read(value, kind, DiffText.Name);
        }

        return TokenReader.Read(containers, value, kind, single: true, c =>
            c.QuerySelectorAll("svg").Count(svg => svg.Closest(".invisible") is null).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // An unchecked box is "no value", so a checkbox change is nullToValue (checked) or valueToNull (unchecked).
    private static DiffSides Checkbox(IElement value, ChangeKind kind)
    {
        if (kind is ChangeKind.NullToValue or ChangeKind.ValueToNull)
        {
            return DiffSides.For(kind, [Checked], [Checked], [Checked]);
        }

        var marked = ScalarReader.Marked(value);
        if (marked.Count == 0)
        {
            return DiffSides.Unrecognised;
        }

        var sides = marked.Select(m => DiffMarkers.SideOf(m, value, marked)).ToList();
        return new DiffSides(sides.Contains(TokenSide.Old) ? [Checked] : [], sides.Contains(TokenSide.New) ? [Checked] : []);
    }
}
