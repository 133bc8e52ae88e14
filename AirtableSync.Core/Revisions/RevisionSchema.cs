using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Revisions;

// A table's synced schema as the diff parser needs it: each live field's public type and its select choices.
// The schema, not the markup, decides a value's shape (single or multi, select or collaborator …); the markup's
// data-columntype only speaks for fields the schema does not know (removed, or added after the schema sync).
public sealed class RevisionSchema
{
    private readonly Dictionary<string, SchemaField> _fields;

    private RevisionSchema(Dictionary<string, SchemaField> fields) => _fields = fields;

    public static RevisionSchema Empty { get; } = new(new(StringComparer.Ordinal));

    public static RevisionSchema From(IEnumerable<FieldSchema> fields) => new(fields
        .Where(f => !f.IsRemoved && f.Type is not null)
        .GroupBy(f => f.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .ToDictionary(f => f.Id, f => new SchemaField(f.Id, f.Type!, SchemaChoice.FromOptions(f.OptionsJson)), StringComparer.Ordinal));

    public SchemaField? Find(string? fieldId) => fieldId is not null && _fields.TryGetValue(fieldId, out var field) ? field : null;
}

// Type: Public API field type (singleSelect, multipleCollaborators, …).
public sealed record SchemaField(string Id, string Type, IReadOnlyList<SchemaChoice> Choices);

public sealed record SchemaChoice(string? Id, string? Name, string? Color)
{
    // Public API options: {"choices":[{"id":"sel…","name":"…","color":"…"}]} (docs/airtable/public-api.md §2.3). Anything else has no choices.
    public static IReadOnlyList<SchemaChoice> FromOptions(string? optionsJson)
    {
        if (string.IsNullOrWhiteSpace(optionsJson))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(optionsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. choices.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => new SchemaChoice(Text(c, "id"), Text(c, "name"), Text(c, "color")))
                .Where(c => c.Name is not null)
                .Select(c => c with { Name = c.Name! })];
        }
        catch (JsonException)
        {
            return []; // stored options are Airtable's own JSON; a damaged copy only costs what choices give (names, option order)
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

