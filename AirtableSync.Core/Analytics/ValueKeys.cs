using System.Text.Json;

namespace AirtableSync.Analytics;

// A field's value at one time as one comparable string, or null when empty. Events carry display names
// (docs/airtable/revision-history.md §8.3): a single select's option name, collaborators' names. The current cell is
// read the same way (list-records format, docs/airtable/public-api.md §2.3): a select cell is its option name, a
// collaborator {id, email, name} is named by its name (its email, then its id, when Airtable gives no name).
// Several people are sorted and joined with a unit separator, so the same set gives the same key in any order.
internal static class ValueKeys
{
    public const char Separator = '\u001F';

    public static string? OfValues(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }
        if (values.Count == 1)
        {
            return values[0].Length == 0 ? null : values[0];
        }
        var names = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? null : string.Join(Separator, names);
    }

    public static string? OfCell(string? cellJson)
    {
        if (string.IsNullOrEmpty(cellJson))
        {
            return null;
        }
        try
        {
            using var cell = JsonDocument.Parse(cellJson);
            var root = cell.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.String => OfValues([root.GetString() ?? ""]),
                JsonValueKind.Object => OfValues(PersonName(root) is { } one ? [one] : []),
                JsonValueKind.Array => OfValues([.. root.EnumerateArray().Select(e => e.ValueKind switch
                {
                    JsonValueKind.String => e.GetString(),
                    JsonValueKind.Object => PersonName(e),
                    _ => null,
                }).OfType<string>()]),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string[] Split(string key) => key.Split(Separator);

    private static string? PersonName(JsonElement person) =>
        Text(person, "name") ?? Text(person, "email") ?? Text(person, "id");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
