namespace AirtableSync.Sandbox.PublicApi;

// Airtable-shaped ids: a 3-letter prefix plus 14 alphanumerics, 17 in all (docs/airtable/public-api.md §3.7). Seeded, so one
// seed always yields the same ids. Not thread-safe: callers hold their lock.
internal sealed class FakeIdGenerator(Random random)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string Next(string prefix)
    {
        Span<char> id = stackalloc char[17];
        prefix.AsSpan().CopyTo(id);
        for (var i = 3; i < 17; i++)
        {
            id[i] = Alphabet[random.Next(Alphabet.Length)];
        }
        return new string(id);
    }
}
