using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirtableSync.Sandbox.Revisions;

// As docs/airtable/revision-history.md §2–§3 and §9 describe it: cookie session, the base in x-airtable-application-id, lenient
// stringifiedObjectParams, offsetV2 paging, 403 bursts with a penalty, three expired-session answers, MessagePack for chosen records.
internal static class FakeRevisionEndpoints
{
    public static IEndpointRouteBuilder MapFakeRevisions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v0.3/row/{recordId}/readRowActivitiesAndComments", ReadAsync);
        return app;
    }

    private static IResult ReadAsync(string recordId, HttpRequest request, FakeAirtableState state)
    {
        var options = state.Options;
        var histories = state.RevisionHistories;
        var throttle = state.RevisionThrottle;
        if (state.WebSessions.FindValidSession(request) is null)
        {
            return options.RevisionExpiredSessionAnswer switch
            {
                FakeExpiredSessionAnswer.RedirectToLogin => Results.Redirect("/login?continue=%2F"),
                FakeExpiredSessionAnswer.LoginPageHtml => Results.Content("<!DOCTYPE html><html><head><title>Sign in - Airtable</title></head><body><h1>Sign in to Airtable</h1><form action=\"/login\"><input name=\"email\"></form></body></html>", "text/html"),
                _ => Json(401, new { error = new { type = "AUTHENTICATION_REQUIRED", message = "No cookie presented. Please re-login" } }),
            };
        }

        var baseId = request.Headers["x-airtable-application-id"].ToString();
        if (options.RevisionRequiresApplicationIdHeader && string.IsNullOrEmpty(baseId))
        {
            return Json(403, new { error = new { type = "INVALID_PERMISSIONS", message = "Missing application id." } });
        }
        if (throttle.TryAdmit(baseId, FakeArrival.Of(request.HttpContext, state.TimeProvider)) is false)
        {
            return Json(options.RevisionThrottleStatusCode, new { error = new { type = "TOO_MANY_REQUESTS", message = "You are making requests too quickly." } });
        }
        if (histories.Find(baseId, recordId) is not { } found)
        {
            return Json(404, new { error = new { type = "MODEL_ID_NOT_FOUND", message = $"Could not find a row with id {recordId}." } });
        }
        var (table, record) = found;
        if (options.RevisionMessagePackRecordIds.Contains(record.Id))
        {
            return Results.Bytes(MessagePackSuccess, "application/msgpack");
        }
        if (!TryReadParams(request.Query["stringifiedObjectParams"].ToString(), options, out var limit, out var offsetV2, out var problem))
        {
            return Json(422, new { error = new { type = "INVALID_REQUEST", message = problem } });
        }
        try
        {
            var json = histories.BuilderFor(table).RenderPage(record.Id, histories.For(table, record), limit, offsetV2);
            return Results.Content(json, "application/json");
        }
        catch (ArgumentException)
        {
            return Json(422, new { error = new { type = "INVALID_REQUEST", message = "offsetV2 is not valid for this row." } });
        }
    }

    // Lenient like the real one (docs/airtable/revision-history.md §2.2): unknown keys ignored, every key optional.
    private static bool TryReadParams(string text, FakeAirtableOptions options, out int limit, out string? offsetV2, out string problem)
    {
        limit = options.RevisionPageLimitDefault;
        offsetV2 = null;
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "stringifiedObjectParams must be a JSON object.";
                return false;
            }
            if (document.RootElement.TryGetProperty("limit", out var limitElement) && limitElement.ValueKind == JsonValueKind.Number)
            {
                limit = limitElement.GetInt32();
            }
            if (document.RootElement.TryGetProperty("offsetV2", out var offsetElement) && offsetElement.ValueKind == JsonValueKind.String)
            {
                offsetV2 = offsetElement.GetString();
            }
        }
        catch (JsonException)
        {
            problem = "stringifiedObjectParams is not JSON.";
            return false;
        }
        if (limit < 1 || limit > options.RevisionPageLimitMax)
        {
            problem = $"limit must be between 1 and {options.RevisionPageLimitMax}.";
            return false;
        }
        return true;
    }

    // {"msg":"SUCCESS","data":{}} in MessagePack: a fixmap of two, fixstr keys, an empty fixmap.
    internal static readonly byte[] MessagePackSuccess =
        [0x82, 0xA3, (byte)'m', (byte)'s', (byte)'g', 0xA7, .. "SUCCESS"u8, 0xA4, .. "data"u8, 0x80];

    private static IResult Json(int status, object body) => Results.Json(body, statusCode: status);
}
