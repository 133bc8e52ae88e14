namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

public enum CellKind { Empty, Text, Number, Chips, People, Links, Attachments, Checkbox, Error, Json }

/// <summary>One value inside a cell: a choice, a person, a linked record or a file.</summary>
/// <param name="Href">Only set for links we build ourselves (local record pages), never from cell data.</param>
public sealed record CellItem(string Label, string? Tooltip = null, string? Href = null);

/// <summary>What a cell shows, already turned into text: the view never interprets raw JSON.</summary>
public sealed record CellDisplay(CellKind Kind, string Text, IReadOnlyList<CellItem> Items)
{
    public static CellDisplay Empty { get; } = new(CellKind.Empty, "", []);

    public static CellDisplay OfText(string text, CellKind kind = CellKind.Text) => new(kind, text, []);

    public static CellDisplay OfItems(CellKind kind, IReadOnlyList<CellItem> items) =>
        new(kind, string.Join(", ", items.Select(i => i.Label)), items);
}
