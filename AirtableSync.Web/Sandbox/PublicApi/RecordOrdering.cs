using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// With neither sort nor view Airtable's order is unspecified (docs/airtable/public-api.md §3.1); the fake uses insertion order, and so
// does a view (no filters or sorts in the fake). Clients must not rely on either. Sorting is stable; empty cells sort first
// ascending; numbers compare numerically, text ordinally ignoring case, anything else by its JSON text.
internal static class RecordOrdering
{
    public static IEnumerable<FakeRecord> Apply(IEnumerable<FakeRecord> records, IReadOnlyList<(FakeField Field, bool Descending)> sorts, RecordJsonWriter cells)
    {
        if (sorts.Count == 0)
        {
            return records;
        }
        IOrderedEnumerable<FakeRecord>? ordered = null;
        foreach (var (field, descending) in sorts)
        {
            var comparer = Comparer<FakeRecord>.Create((a, b) => CompareCells(cells.CellOf(field, a), cells.CellOf(field, b)));
            ordered = ordered is null
                ? descending ? records.OrderDescending(comparer) : records.Order(comparer)
                : descending ? ordered.ThenByDescending(r => r, comparer) : ordered.ThenBy(r => r, comparer);
        }
        return ordered ?? records;
    }

    private static int CompareCells(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }
        if (FakeCells.AsNumber(a) is { } numberA && FakeCells.AsNumber(b) is { } numberB)
        {
            return numberA.CompareTo(numberB);
        }
        var textA = a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : a.ToJsonString();
        var textB = b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : b.ToJsonString();
        return string.Compare(textA, textB, StringComparison.OrdinalIgnoreCase);
    }
}
