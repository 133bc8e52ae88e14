using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AirtableSync.Storage;

// What a store derives from a record's raw cells: a content hash for change detection and the lower-cased cell text for search.
internal sealed record RecordContent(RecordData Record, long Hash)
{
    // Computed only for records that are written: an unchanged record (same hash) skips it, which keeps the
    // common re-sync path cheap. It also validates the JSON; stores call it before their write commits.
    public string SearchText => _searchText ??= SearchTextOf(Record.Id, Record.FieldsJson);

    private string? _searchText;

    // Checks ids and hashes a page. Cells are validated by SearchText inside the store's write, so a bad record fails the whole page.
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
            return new RecordContent(record, HashOf(bytes));
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
    // Pooled buffers keep this to one allocation (the result): it runs for every record written.
    private static string SearchTextOf(string recordId, string json)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        // Unescaped values plus separators never outnumber the JSON's own characters.
        var chars = ArrayPool<char>.Shared.Rent(json.Length + 1);
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes)));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException($"Record {recordId}: fields must be a JSON object.");
            }
            var length = 0;
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                {
                    continue;
                }
                if (length > 0)
                {
                    chars[length++] = '\n';
                }
                length += reader.TokenType == JsonTokenType.String
                    ? reader.CopyString(chars.AsSpan(length))
                    : Encoding.UTF8.GetChars(reader.ValueSpan, chars.AsSpan(length));
            }
            return string.Create(length, chars, static (destination, source) => source.AsSpan(0, destination.Length).ToLowerInvariant(destination));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Record {recordId}: fields are not valid JSON ({e.Message}).", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
