namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

public enum CellKind { Empty, Text, Number, Chips, People, Links, Attachments, Checkbox, Error, Json }

// Href is only set for links we build ourselves (local record pages), never from cell data.
public sealed record CellItem(string Label, string? Tooltip = null, string? Href = null);

// Already text: the view never interprets raw JSON.
public sealed record CellDisplay(CellKind Kind, string Text, IReadOnlyList<CellItem> Items)
{
    public static CellDisplay Empty { get; } = new(CellKind.Empty, "", []);

    public static CellDisplay OfText(string text, CellKind kind = CellKind.Text) => new(kind, text, []);

    public static CellDisplay OfItems(CellKind kind, IReadOnlyList<CellItem> items) =>
        new(kind, string.Join(", ", items.Select(i => i.Label)), items);
}
