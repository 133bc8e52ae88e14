using System.Text.Json;

namespace AirtableSync.Sandbox.PublicApi;

// Table, field and view objects of the base schema (docs/airtable/public-api.md §2.2).
internal static class SchemaJsonWriter
{
    public static void WriteTable(Utf8JsonWriter w, FakeTable table, bool includeVisibleFieldIds)
    {
        w.WriteStartObject();
        w.WriteString("id", table.Id);
        w.WriteString("name", table.Name);
        w.WriteString("primaryFieldId", table.PrimaryFieldId);
        if (table.Description is not null)
        {
            w.WriteString("description", table.Description);
        }
        w.WriteStartArray("fields");
        foreach (var field in table.Fields)
        {
            w.WriteStartObject();
            w.WriteString("id", field.Id);
            w.WriteString("name", field.Name);
            // The table model marks type optional (docs/airtable/public-api.md §2.2): a field without one is written without one.
            if (field.Type is not null)
            {
                w.WriteString("type", field.Type);
            }
            if (field.Description is not null)
            {
                w.WriteString("description", field.Description);
            }
            if (field.Options is not null)
            {
                w.WritePropertyName("options");
                field.Options.WriteTo(w);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("views");
        foreach (var view in table.Views)
        {
            w.WriteStartObject();
            w.WriteString("id", view.Id);
            w.WriteString("name", view.Name);
            w.WriteString("type", view.Type);
            if (includeVisibleFieldIds && view.Type == "grid")
            {
                w.WriteStartArray("visibleFieldIds");
                foreach (var field in table.Fields)
                {
                    w.WriteStringValue(field.Id);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
