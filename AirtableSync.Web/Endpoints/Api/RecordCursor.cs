using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AirtableSync.Web.Endpoints.Api;

// A position in the (createdTime, id) order; clients must treat it as opaque so the encoding can change without breaking them.
public static class RecordCursor
{
    public static string Encode(int skip) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1:" + skip.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out int skip)
    {
        skip = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("v1:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out skip);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
