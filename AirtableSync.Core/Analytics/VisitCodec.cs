namespace AirtableSync.Analytics;

// A record's timeline of one field as a few bytes (field_visits.data): built once with no "now" (a live record's last
// stretch is open-ended), cut at the report's now when read, so a stored timeline stays right as time passes.
// Layout, all unsigned LEB128 varints: flags (1 = live, 2 = has changes), the current cell's value number + 1 (0: empty),
// the number of stretches, the first stretch's start (Unix ms, zigzag: instants before 1970 stay valid), then per stretch its value number + 1 (0: empty) and,
// except for a live record's last stretch, its length in ms. Stretches are contiguous, so starts need no bytes.
internal static class VisitCodec
{
    // Build's "now" for a timeline that must not depend on now: far beyond any instant, small enough not to overflow.
    public const long OpenEnd = long.MaxValue / 4;

    private const int Live = 1;
    private const int HasChanges = 2;

    public static byte[] Encode(List<Segment> segments, bool live, bool hasChanges, string? cellKey, Func<string, int> number)
    {
        using var buffer = new MemoryStream(8 + segments.Count * 5);
        Varint.Write(buffer, (ulong)((live ? Live : 0) | (hasChanges ? HasChanges : 0)));
        Varint.Write(buffer, cellKey is null ? 0 : (ulong)number(cellKey) + 1);
        Varint.Write(buffer, (ulong)segments.Count);
        if (segments.Count > 0)
        {
            Varint.Write(buffer, ZigZag(segments[0].StartMs));
        }
        for (var i = 0; i < segments.Count; i++)
        {
            Varint.Write(buffer, segments[i].Key is { } key ? (ulong)number(key) + 1 : 0);
            if (!(live && i == segments.Count - 1))
            {
                Varint.Write(buffer, (ulong)segments[i].LengthMs);
            }
        }
        return buffer.ToArray();
    }

    // The timeline as FieldTimeline.Build(history, nowMs) gives it for a record live now: stretches that begin at or after
    // now are dropped, the one holding now ends there and is the ongoing one. A deleted record's timeline ends at its
    // deletion whatever now is.
    public static DecodedTimeline Decode(ReadOnlySpan<byte> data, IReadOnlyList<string> keys, long nowMs, List<Segment> into)
    {
        into.Clear();
        var at = 0;
        var flags = (int)Varint.Read(data, ref at);
        var cell = Varint.Read(data, ref at);
        var count = (int)Varint.Read(data, ref at);
        var live = (flags & Live) != 0;
        var start = count > 0 ? UnZigZag(Varint.Read(data, ref at)) : 0;
        for (var i = 0; i < count; i++)
        {
            var value = Varint.Read(data, ref at);
            var key = value == 0 ? null : keys[(int)value - 1];
            var last = i == count - 1;
            var end = live && last ? OpenEnd : start + (long)Varint.Read(data, ref at);
            if (live)
            {
                if (start >= nowMs)
                {
                    break;
                }
                if (end > nowMs)
                {
                    into.Add(new Segment(start, nowMs, key, true));
                    break;
                }
            }
            into.Add(new Segment(start, end, key, false));
            start = end;
        }
        return new DecodedTimeline((flags & HasChanges) != 0, cell == 0 ? null : keys[(int)cell - 1]);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}


internal readonly record struct DecodedTimeline(bool HasChanges, string? CellKey);
