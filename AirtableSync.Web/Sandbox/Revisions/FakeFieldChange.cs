using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

/// <summary>One field change the fake draws as a <c>div.historicalCellContainer</c>. Values are display strings, as the parser returns them.</summary>
/// <param name="FieldName">The name shown in the header at the time of the change (a renamed field keeps its id, not its name).</param>
/// <param name="ColumnType">Airtable's internal type name (docs/airtable/revision-history.md §4.1): select, multiSelect, collaborator, foreignKey, text…</param>
public sealed record FakeFieldChange(
    string FieldId,
    string FieldName,
    string ColumnType,
    ChangeKind Kind,
    IReadOnlyList<string>? OldValues,
    IReadOnlyList<string>? NewValues);

/// <summary>Select tokens are drawn in two dialects because the sources disagree (docs/airtable/revision-history.md §4.2).</summary>
public enum SelectMarkup
{
    /// <summary><c>.choiceToken</c> pills, inline <c>line-through</c>, <c>#Plus</c>/<c>#Minus</c> badges.</summary>
    ChoiceTokens,

    /// <summary>Spans with <c>colors-background-success</c> / <c>strikethrough colors-background-negative</c>, name in <c>title</c> (E1).</summary>
    Spans,
}

/// <summary>Variations the fake uses so that a parser cannot lean on incidental details.</summary>
/// <param name="NewBeforeOld">Draw added tokens before removed ones (the order of E1); the default draws removed first.</param>
/// <param name="SwapChoiceColors">Paint removed choices green and added ones red: colour names are user choices, never markers.</param>
/// <param name="XlinkHref">Write badges as <c>xlink:href</c> instead of <c>href</c> (both occur, §4.2).</param>
public sealed record DiffMarkupStyle(
    SelectMarkup SelectMarkup = SelectMarkup.ChoiceTokens,
    bool NewBeforeOld = false,
    bool SwapChoiceColors = false,
    bool XlinkHref = false)
{
    public static DiffMarkupStyle Default { get; } = new();
}
