using System.Globalization;

namespace AirtableSync.Web.Endpoints.Api;

// The records endpoint's per-field filters, read from bracketed query keys (minimal APIs bind no such names):
//   filter[fld…]=Todo&filter[fld…]=Doing   any of these options or people (ids), for select and collaborator fields
//   blank[fld…]=true                        also (or, alone, only) records whose cell is empty
//   from[fld…]=2025-10-01&to[fld…]=…        days, both inclusive, either open, in UTC, for date fields
// The field's type in the synced schema says which keys it takes. Every problem is reported under the key that
// caused it, so a caller sees which parameter to fix.
internal static class RecordFilterParameters
{
    private const string Filter = "filter";
    private const string Blank = "blank";
    private const string From = "from";
    private const string To = "to";

    public static IReadOnlyList<RecordFilter> Read(IQueryCollection query, StoredTable table, Dictionary<string, string[]> errors)
    {
        var fields = table.Fields.Where(f => !f.IsRemoved).DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var values = new Dictionary<string, (List<string> Values, bool Blank)>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, (DateOnly? From, DateOnly? To)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, given) in query)
        {
            if (!TrySplit(key, out var name, out var fieldId))
            {
                continue;
            }
            if (!fields.TryGetValue(fieldId, out var field))
            {
                errors[key] = [$"'{fieldId}' is not a field of table '{table.Name}' ({table.Id})."];
                continue;
            }
            var isValue = name is Filter or Blank;
            if (!(isValue ? ValueFilter.FieldTypes : DateRangeFilter.FieldTypes).Contains(field.Type ?? ""))
            {
                errors[key] = [isValue
                    ? $"Field '{field.Name}' ({field.Id}) is a {field.Type ?? "field of unknown type"}: {name}[…] takes select and collaborator fields."
                    : $"Field '{field.Name}' ({field.Id}) is a {field.Type ?? "field of unknown type"}: {name}[…] takes date fields."];
                continue;
            }
            if (!order.Contains(fieldId))
            {
                order.Add(fieldId);
            }
            switch (name)
            {
                case Filter:
                    var chosen = values.GetValueOrDefault(fieldId, ([], false));
                    chosen.Values.AddRange(given.OfType<string>());
                    values[fieldId] = chosen;
                    break;
                case Blank when given is [{ } text] && bool.TryParse(text, out var blank):
                    values[fieldId] = values.GetValueOrDefault(fieldId, ([], false)) with { Blank = blank };
                    break;
                case Blank:
                    errors[key] = [$"{key} must be true or false, given once."];
                    break;
                case From or To when given is [{ } day] && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    var range = ranges.GetValueOrDefault(fieldId);
                    ranges[fieldId] = name == From ? range with { From = date } : range with { To = date };
                    break;
                default:
                    errors[key] = [$"{key} must be one date written yyyy-MM-dd, e.g. 2025-10-31."];
                    break;
            }
        }
        foreach (var (fieldId, range) in ranges)
        {
            if (range is { From: { } from, To: { } to } && from > to)
            {
                errors[$"{From}[{fieldId}]"] = [$"{From}[{fieldId}] ({from:yyyy-MM-dd}) is after {To}[{fieldId}] ({to:yyyy-MM-dd})."];
            }
        }
        var filters = new List<RecordFilter>();
        foreach (var fieldId in order)
        {
            // blank[…]=false alone asks for nothing: no filter, rather than one that matches no record.
            if (values.TryGetValue(fieldId, out var chosen) && (chosen.Values.Count > 0 || chosen.Blank))
            {
                filters.Add(new ValueFilter(fieldId, chosen.Values, chosen.Blank));
            }
            if (ranges.TryGetValue(fieldId, out var range))
            {
                filters.Add(new DateRangeFilter(fieldId, range.From, range.To));
            }
        }
        return filters;
    }

    // "filter[fldAbc]" → ("filter", "fldAbc"); keys of other shapes are not filters and are left alone.
    private static bool TrySplit(string key, out string name, out string fieldId)
    {
        name = fieldId = "";
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || !key.EndsWith(']'))
        {
            return false;
        }
        name = key[..open];
        fieldId = key[(open + 1)..^1];
        return name is Filter or Blank or From or To;
    }
}
