namespace AirtableSync.Sync;

// Splits a table into disjoint slices that can be scanned in parallel. Record ids are "rec" + 14 random
// alphanumerics (docs/airtable/public-api.md §3.7), so the first character after the prefix spreads records evenly over
// slices without any probe request; REGEX_MATCH is a standard Airtable formula function.
public static class RecordSlices
{
    // Airtable ids use both cases and digits; the classes below partition exactly that alphabet.
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Formulas selecting disjoint slices whose union is every record; one slice means no formula.
    public static IReadOnlyList<string?> Formulas(int sliceCount)
    {
        if (sliceCount <= 1)
        {
            return [null];
        }

        var count = Math.Min(sliceCount, Alphabet.Length);
        var formulas = new List<string?>(count);
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var length = (Alphabet.Length - start) / (count - i);
            formulas.Add($"REGEX_MATCH(RECORD_ID(), '^rec[{Alphabet.Substring(start, length)}]')");
            start += length;
        }
        return formulas;
    }

    // Both conditions must hold; either may be absent.
    public static string? And(string? first, string? second) => (first, second) switch
    {
        (null, _) => second,
        (_, null) => first,
        _ => $"AND({first}, {second})",
    };
}
