using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// As list/get records return it (docs/airtable/public-api.md §3.1): {id, createdTime, fields}, empty cells omitted, keyed by
// name or (returnFieldsByFieldId) id, in field order. createdTime/lastModifiedTime fields come from the record's own times,
// so they move with edits.
internal sealed class RecordJsonWriter(FakeTable table, IReadOnlySet<string>? onlyFieldIds, bool byFieldId, bool commentCount, bool lastModifiedEmptyUntilEdit)
{
    public void Write(Utf8JsonWriter w, FakeRecord record)
    {
        w.WriteStartObject();
        w.WriteString("id", record.Id);
        w.WriteString("createdTime", FakeCells.FormatTime(record.CreatedTime));
        w.WriteStartObject("fields");
        foreach (var field in table.Fields)
        {
            if (onlyFieldIds is not null && !onlyFieldIds.Contains(field.Id))
            {
                continue;
            }
            var value = CellOf(field, record);
            if (value is null)
            {
                continue;
            }
            w.WritePropertyName(byFieldId ? field.Id : field.Name);
            value.WriteTo(w);
        }
        w.WriteEndObject();
        if (commentCount)
        {
            w.WriteNumber("commentCount", 0);
        }
        w.WriteEndObject();
    }

    public JsonNode? CellOf(FakeField field, FakeRecord record) => field.Type switch
    {
        "createdTime" => Time(field, record.CreatedTime),
        "lastModifiedTime" => record.LastModifiedTime is { } modified ? Time(field, modified)
            : lastModifiedEmptyUntilEdit ? null : Time(field, record.CreatedTime),
        _ => record.Cells.GetValueOrDefault(field.Id),
    };

    // Date-only when the field's result type is date (docs/airtable/public-api.md §2.3 createdTime).
    private static JsonValue Time(FakeField field, DateTimeOffset time) =>
        JsonValue.Create(field.Options?["result"]?["type"]?.GetValue<string>() == "date" ? FakeCells.FormatDate(time) : FakeCells.FormatTime(time));
}
