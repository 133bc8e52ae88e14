namespace AirtableSync.Web.Components.Pages.ActivityFeed;

// A base's tables and fields by id, to name an event's table and field as they are called now (fields get renamed);
// the event's own field name is the fallback for a field the schema no longer has.
public sealed class ActivitySchema(IReadOnlyList<StoredTable> tables)
{
    private readonly Dictionary<string, StoredTable> _tables = tables.DistinctBy(t => t.Id).ToDictionary(t => t.Id, StringComparer.Ordinal);

    public StoredTable? Table(RevisionEvent e) => _tables.GetValueOrDefault(e.TableId);

    public FieldSchema? Field(RevisionEvent e) => Table(e)?.Fields.FirstOrDefault(f => f.Id == e.FieldId);

    public string FieldName(RevisionEvent e) => Field(e)?.Name ?? e.FieldName ?? e.FieldId;
}
