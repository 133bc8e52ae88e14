using System.Text;

namespace AirtableSync.Revisions;

// An answer's body, read once it is buffered: its text when it is text, else only its length. Airtable serves
// MessagePack on some internal endpoints when asked (docs/airtable/revision-history.md §2.3); this client never asks, but a
// binary answer must end as a clear failure of that record, not as a JSON parse of its bytes.
internal sealed record RevisionResponseBody(string? MediaType, bool IsText, string Text, long ByteCount)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<RevisionResponseBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!(IsTextual(mediaType) ?? LooksLikeText(bytes)))
        {
            return new(mediaType, false, "", bytes.Length);
        }

        // Buffered content can be read again; ReadAsStringAsync honours the charset and a byte-order mark.
        return new(mediaType, true, await response.Content.ReadAsStringAsync(cancellationToken), bytes.Length);
    }

    // What the body is, in words, for an error message: its start when text, its type and size when not.
    public string Describe() => IsText
        ? Text.Length > 200 ? Text[..200] + "…" : Text
        : $"a {MediaType ?? "binary"} body of {ByteCount} bytes";

    // Null when the answer names no type, so the bytes decide.
    private static bool? IsTextual(string? mediaType) => string.IsNullOrWhiteSpace(mediaType)
        ? null
        : mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            || mediaType.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
