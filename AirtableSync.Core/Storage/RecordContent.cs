using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AirtableSync.Storage;

/// <summary>What a store derives from a record's raw cells: a content hash for change detection and the lower-cased cell text for search.</summary>
internal sealed record RecordContent(RecordData Record, long Hash, string SearchText)
{
    /// <summary>Checks the whole page before anything is written, so a bad record rejects the page and loses nothing.</summary>
    public static IReadOnlyList<RecordContent> AnalyzeBatch(IReadOnlyList<RecordData> records)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = new RecordContent[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (string.IsNullOrEmpty(record.Id))
            {
                throw new ArgumentException($"Record at position {i} has no id.", nameof(records));
            }
            if (!ids.Add(record.Id))
            {
                throw new ArgumentException($"Record {record.Id} appears twice in one page.", nameof(records));
            }
            result[i] = Analyze(record);
        }
        return result;
    }

    public static RecordContent Analyze(RecordData record)
    {
        var byteCount = Encoding.UTF8.GetByteCount(record.FieldsJson);
        var buffer = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = buffer.AsSpan(0, byteCount);
            Encoding.UTF8.GetBytes(record.FieldsJson, bytes);
            return new RecordContent(record, HashOf(bytes), SearchTextOf(record.Id, bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The hash covers the exact text: a byte-for-byte different payload counts as a change, which at worst
    // costs one extra revision fetch, whereas a false "unchanged" would hide a real edit.
    private static long HashOf(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    // Only values are searchable (not field ids), lower-cased with the invariant culture so search is
    // case-insensitive beyond ASCII; cells are separated by a newline so a match never spans two cells.
    private static string SearchTextOf(string recordId, ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException($"Record {recordId}: fields must be a JSON object.");
            }
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }
                    text.Append(reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan));
                }
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Record {recordId}: fields are not valid JSON ({e.Message}).", e);
        }
        return text.ToString().ToLowerInvariant();
    }
}
