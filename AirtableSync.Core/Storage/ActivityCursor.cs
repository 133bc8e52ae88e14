using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AirtableSync.Storage;

/// <summary>
/// The activity feed's position: the last row shown, in the feed's order (changedAt, recordId, activityId, fieldId, all
/// descending). A keyset rather than an offset, so a page costs the same at any depth and events a sync adds meanwhile
/// neither repeat nor hide rows. Clients treat it as opaque; the "v1" prefix lets the encoding change.
/// </summary>
public static class ActivityCursor
{
    /// <summary>The largest page a store serves.</summary>
    public const int MaxTake = 1000;

    private const string Version = "v1";

    public readonly record struct Position(long ChangedAtMilliseconds, string RecordId, string ActivityId, string FieldId);

    public static string Encode(RevisionEvent last) => Encode(new Position(
        StoredTime.ToMilliseconds(last.ChangedAt), last.RecordId, last.ActivityId, last.FieldId));

    // Airtable ids (rec…, act…, fld…) are letters and digits, so a line break never occurs inside one.
    public static string Encode(Position position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n',
        Version, position.ChangedAtMilliseconds.ToString(CultureInfo.InvariantCulture), position.RecordId, position.ActivityId, position.FieldId)));

    public static bool TryDecode(string cursor, out Position position)
    {
        position = default;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = text.Split('\n');
        if (parts is not [Version, var at, { Length: > 0 } record, { Length: > 0 } activity, { Length: > 0 } field]
            || !long.TryParse(at, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }
        position = new Position(milliseconds, record, activity, field);
        return true;
    }

    /// <summary>The query's cursor decoded (null for the first page), after checking Take.</summary>
    /// <exception cref="ArgumentException">The cursor is not one the feed returned, or Take is outside 1..<see cref="MaxTake"/>.</exception>
    public static Position? Read(ActivityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Take is < 1 or > MaxTake)
        {
            throw new ArgumentException($"Take must be between 1 and {MaxTake}, not {query.Take}.", nameof(query));
        }
        return query.Cursor is not { } cursor ? null
            : TryDecode(cursor, out var position) ? position
            : throw new ArgumentException("The cursor is not one the activity feed returned.", nameof(query));
    }
}
