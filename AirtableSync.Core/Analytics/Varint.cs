namespace AirtableSync.Analytics;

// Unsigned LEB128: 7 bits a byte, the high bit set on every byte but the last (VisitCodec, VisitChunk).
internal static class Varint
{
    public static void Write(Stream buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        buffer.WriteByte((byte)value);
    }

    public static ulong Read(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
