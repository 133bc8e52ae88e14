using AirtableSync.Revisions;

namespace AirtableSync.Tests.Revisions;

public class RevisionEnvelopeErrorTests
{
    private static readonly RevisionPageContext Context = new("appB", "tblT", "recR", RevisionFieldRoles.None);

    private readonly RevisionActivityNormalizer _normalizer = new(new RevisionDiffParser());

    public static TheoryData<string, string> BadPayloads() => new()
    {
        { "<!DOCTYPE html><title>Sign in to Airtable</title>", "not JSON" },
        { "", "not JSON" },
        { "[1,2]", "Array" },
        { "{}", "no \"msg\"" },
        { """{"msg":"FAILURE","data":{}}""", "msg=\"FAILURE\"" },
        { """{"msg":null}""", "no \"msg\"" },
        { """{"msg":42}""", "\"msg\" is a JSON Number" },
        { """{"error":{"type":"NOT_FOUND","message":"Could not find row"}}""", "NOT_FOUND: Could not find row" },
        { """{"error":"INVALID_PERMISSIONS"}""", "INVALID_PERMISSIONS" },
        { """{"msg":"SUCCESS"}""", "lacks \"data\"" },
        { """{"msg":"SUCCESS","data":null}""", "lacks \"data\"" },
        { """{"msg":"SUCCESS","data":[]}""", "\"data\" is a JSON Array" },
        { """{"msg":"SUCCESS","data":{}}""", "lacks \"data.rowActivityInfoById\"" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":[]}}""", "\"data.rowActivityInfoById\" is a JSON Array" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{"act1":"html"}}}""", "\"data.rowActivityInfoById.act1\" is a JSON String" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{"act1":{"diffRowHtml":"<div></div>"}}}}""", "lacks \"data.rowActivityInfoById.act1.createdTime\"" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{"act1":{"createdTime":"yesterday"}}}}""", "\"yesterday\" is not an ISO-8601 time" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{"act1":{"createdTime":"2026-01-01T00:00:00Z","diffRowHtml":5}}}}""", "act1.diffRowHtml\" is a JSON Number" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{},"rowActivityOrCommentUserObjById":[]}}""", "rowActivityOrCommentUserObjById\" is a JSON Array" },
        { """{"msg":"SUCCESS","data":{"rowActivityInfoById":{},"commentsById":{"com1":{"text":"hi"}}}}""", "lacks \"data.commentsById.com1.createdTime\"" },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void MalformedEnvelopeFailsWithAClearPayloadError(string json, string expectedInMessage)
    {
        var error = Assert.Throws<RevisionPayloadException>(() => _normalizer.Normalize(json, Context));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalMapsAndCursorMayBeAbsent()
    {
        var page = _normalizer.Normalize("""{"msg":"SUCCESS","data":{"rowActivityInfoById":{}}}""", Context);

        Assert.Empty(page.Events);
        Assert.Empty(page.Comments);
        Assert.Null(page.NextOffsetV2);
    }

    [Fact]
    public void UnknownExtraKeysAreIgnored()
    {
        var page = _normalizer.Normalize(
            """{"msg":"SUCCESS","extra":1,"data":{"rowActivityInfoById":{"act1":{"createdTime":"2026-01-01T00:00:00Z","integrationInfo":{"type":"api"}}},"offsetV2":"c2","pagination":{}}}""",
            Context);

        Assert.Equal(["act1"], page.SkippedActivityIds);
        Assert.Equal("c2", page.NextOffsetV2);
    }

    [Fact]
    public void AlreadyParsedJsonElementIsAcceptedToo()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"msg":"SUCCESS","data":{"rowActivityInfoById":{},"offsetV2":"next"}}""");

        Assert.Equal("next", _normalizer.Normalize(document.RootElement, Context).NextOffsetV2);
        Assert.Throws<RevisionPayloadException>(() => _normalizer.Normalize(document.RootElement.GetProperty("data"), Context));
    }
}
