using System.Globalization;
using AirtableSync.Storage;

namespace AirtableSync.Web.Endpoints.Api;

// The activity feed's query string, shared by the JSON feed and its CSV exports. Read as text and parsed here, so that
// every bad value is reported under its own key (a bound int would fail before the endpoint runs):
//   tableId=tbl…  fieldId=fld…  actor=usr…  kind=field|status|assignee
//   from=…&to=…   ISO 8601 instants (from inclusive, to exclusive); a bare yyyy-MM-dd is that day's start in UTC
//   q=text        case-insensitive substring of the field name or the old or new values
//   cursor=…      the previous page's nextCursor      take=1..200 (default 50)
public sealed record ActivityParameters(
    string? TableId, string? FieldId, string? Actor, string? Kind, string? From, string? To, string? Q, string? Cursor, string? Take)
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    public static ActivityParameters Of(IQueryCollection query)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;
        return new(Get("tableId"), Get("fieldId"), Get("actor"), Get("kind"), Get("from"), Get("to"), Get("q"), Get("cursor"), Get("take"));
    }

    /// <summary>The store's query, or null with every problem in <paramref name="errors"/> under its parameter's key.</summary>
    public ActivityQuery? ToQuery(string baseId, IReadOnlyList<StoredTable> tables, Dictionary<string, string[]> errors)
    {
        var table = TableId is null ? null : tables.FirstOrDefault(t => t.Id == TableId);
        if (TableId is not null && table is null)
        {
            errors["tableId"] = [$"'{TableId}' is not a table of base '{baseId}'."];
        }
        // Field ids are unique within a base, so a field may be chosen without its table.
        if (FieldId is not null && !(table is null ? tables : [table]).Any(t => t.Fields.Any(f => f.Id == FieldId)))
        {
            errors["fieldId"] = [table is null ? $"'{FieldId}' is not a field of base '{baseId}'." : $"'{FieldId}' is not a field of table '{table.Name}' ({table.Id})."];
        }
        RevisionEventKind? kind = null;
        if (Kind is not null)
        {
            if (Enum.TryParse<RevisionEventKind>(Kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(Kind[0]))
            {
                kind = parsed;
            }
            else
            {
                errors["kind"] = ["kind must be field, status or assignee."];
            }
        }
        var from = Instant("from", From, errors);
        var to = Instant("to", To, errors);
        if (from is { } start && to is { } end && start >= end)
        {
            errors["to"] = ["to must be after from (from is inclusive, to exclusive)."];
        }
        var take = DefaultTake;
        if (Take is not null && (!int.TryParse(Take, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxTake))
        {
            errors["take"] = [$"take must be a whole number from 1 to {MaxTake}."];
        }
        if (Cursor is not null && !ActivityCursor.TryDecode(Cursor, out _))
        {
            errors["cursor"] = ["cursor is not a cursor this API returned."];
        }
        return errors.Count > 0 ? null : new ActivityQuery(baseId, TableId, FieldId, Actor, kind, from, to, Q, Cursor, take);
    }

    private static DateTimeOffset? Instant(string key, string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && text.Length >= 10 && char.IsDigit(text[0]))
        {
            return at;
        }
        errors[key] = [$"{key} must be an ISO 8601 date or instant, e.g. 2026-03-01 or 2026-03-01T08:00:00Z."];
        return null;
    }
}
