using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.Revisions;

// The envelope of docs/airtable/revision-history.md §3.1, newest first (the order the panel shows; real ordering is unknown).
// The cursor is opaque to clients, as the real offsetV2 is.
internal static class RevisionEnvelopeWriter
{
    // Raw `<` and `"` as a web server writes them, not System.Text.Json's default \u003C escapes: clients must not care, and the
    // fake should not look tidier than the real thing.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(string recordId, IReadOnlyList<FakeActivity> activities, IReadOnlyList<FakeUser> users, int limit, string? offsetV2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var ordered = activities.OrderByDescending(a => a.CreatedTime).ThenByDescending(a => a.Id, StringComparer.Ordinal).ToList();
        var start = string.IsNullOrEmpty(offsetV2) ? 0 : DecodeOffset(recordId, offsetV2);
        if (start > ordered.Count)
        {
            throw new ArgumentException("offsetV2 points past the end of the history.", nameof(offsetV2));
        }

        var page = ordered.Skip(start).Take(limit).ToList();
        var next = start + page.Count < ordered.Count ? EncodeOffset(recordId, start + page.Count) : null;

        var infos = new JsonObject();
        var comments = new JsonObject();
        foreach (var activity in page)
        {
            if (activity is FakeRowActivity row)
            {
                var info = new JsonObject
                {
                    ["createdTime"] = Time(row.CreatedTime),
                    ["originatingUserId"] = row.UserId,
                    ["groupType"] = row.GroupType,
                };
                if (row.DiffRowHtml is not null)
                {
                    info["diffRowHtml"] = row.DiffRowHtml;
                }

                infos[row.Id] = info;
            }
            else if (activity is FakeComment comment)
            {
                comments[comment.Id] = new JsonObject
                {
                    ["id"] = comment.Id,
                    ["userId"] = comment.UserId,
                    ["text"] = comment.Text,
                    ["createdTime"] = Time(comment.CreatedTime),
                };
            }
        }

        var people = new JsonObject();
        foreach (var user in users.Where(u => page.Any(a => a.UserId == u.Id)))
        {
            people[user.Id] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["email"] = user.Email };
        }

        var envelope = new JsonObject
        {
            ["msg"] = "SUCCESS",
            ["data"] = new JsonObject
            {
                ["orderedActivityAndCommentIds"] = new JsonArray([.. page.Select(a => (JsonNode?)JsonValue.Create(a.Id))]),
                ["rowActivityInfoById"] = infos,
                ["rowActivityOrCommentUserObjById"] = people,
                ["commentsById"] = comments,
                ["offsetV2"] = next,
            },
        };
        return envelope.ToJsonString(Json);
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string EncodeOffset(string recordId, int start) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{recordId}:{start.ToString(CultureInfo.InvariantCulture)}"));

    private static int DecodeOffset(string recordId, string offsetV2)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(offsetV2));
            var prefix = recordId + ":";
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                return start;
            }
        }
        catch (FormatException)
        {
            // falls through to the argument error below
        }

        throw new ArgumentException($"offsetV2 \"{offsetV2}\" is not a cursor of record {recordId}.", nameof(offsetV2));
    }
}
