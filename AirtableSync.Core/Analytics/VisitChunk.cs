using System.Text;

namespace AirtableSync.Analytics;

// Up to a few hundred records' timelines in one field_visits row, in record id order (ordinal): a report of half a million
// records reads two thousand rows, not half a million (a row costs more to step to than its bytes to decode). Layout:
// per record, its id's UTF-8 length (varint) and bytes, then its timeline's length (varint) and bytes (VisitCodec).
// A row's key is its first record id; a row holds the records from its key up to the next row's key, and the first
// row also those before its key, so each record has exactly one row to be in.
internal static class VisitChunk
{
    /// <summary>Records per row as a build writes them; an update splits a row once it holds twice as many.</summary>
    public const int Target = 256;

    public static byte[] Encode(IReadOnlyList<(string RecordId, byte[] Timeline)> entries)
    {
        using var buffer = new MemoryStream(entries.Count * 48);
        Span<byte> id = stackalloc byte[256];
        foreach (var (recordId, timeline) in entries)
        {
            var bytes = Encoding.UTF8.GetByteCount(recordId) <= id.Length ? id[..Encoding.UTF8.GetBytes(recordId, id)] : Encoding.UTF8.GetBytes(recordId);
            Varint.Write(buffer, (ulong)bytes.Length);
            buffer.Write(bytes);
            Varint.Write(buffer, (ulong)timeline.Length);
            buffer.Write(timeline);
        }
        return buffer.ToArray();
    }

    public static List<(string RecordId, byte[] Timeline)> Decode(byte[] data)
    {
        var entries = new List<(string, byte[])>();
        for (var at = 0; at < data.Length;)
        {
            var (recordId, start, length) = Next(data, ref at);
            entries.Add((recordId, data.AsSpan(start, length).ToArray()));
        }
        return entries;
    }

    /// <summary>The next record: its id (empty unless <paramref name="withId"/>), and where its timeline is in <paramref name="data"/>.</summary>
    public static (string RecordId, int Start, int Length) Next(ReadOnlySpan<byte> data, ref int at, bool withId = true)
    {
        var idLength = (int)Varint.Read(data, ref at);
        var recordId = withId ? Encoding.UTF8.GetString(data.Slice(at, idLength)) : "";
        at += idLength;
        var length = (int)Varint.Read(data, ref at);
        var start = at;
        at += length;
        return (recordId, start, length);
    }
}

