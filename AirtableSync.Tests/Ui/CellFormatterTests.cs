using System.Globalization;
using System.Text.Json;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Tests.Ui;

public class CellFormatterTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static CellDisplay Format(string? type, string json, string? options = null, CultureInfo? culture = null, TimeZoneInfo? zone = null,
        IReadOnlyDictionary<string, string>? titles = null)
    {
        using var document = JsonDocument.Parse(json);
        var context = new CellFormatContext(culture ?? English, zone ?? TimeZoneInfo.Utc, "appB", titles ?? new Dictionary<string, string>());
        var cell = CellFormatter.Format(new FieldSchema("fldX", "X", type, null, options), document.RootElement.Clone(), context);
        // .NET's en-US time pattern puts a narrow no-break space before AM/PM.
        return cell with { Text = cell.Text.Replace('\u202F', ' ') };
    }

    [Theory]
    [InlineData("singleLineText", "\"hello\"", "hello")]
    [InlineData("number", "1234.5", "1,234.5")]
    [InlineData("autoNumber", "42", "42")]
    [InlineData("rating", "3", "★★★☆☆")]
    public void PlainValuesReadAsText(string type, string json, string expected) => Assert.Equal(expected, Format(type, json).Text);

    [Theory]
    [InlineData("multilineText", """ "Hi <airtable:mention id=\"menAbCdEfGhIjKlMn\">@Ada Lovelace</airtable:mention>, please review." """, "Hi @Ada Lovelace, please review.")]
    [InlineData("richText", """ "**Note** for <airtable:mention id=\"men1\">@Bob</airtable:mention> and <airtable:mention id=\"men2\">@Cy</airtable:mention>" """, "**Note** for @Bob and @Cy")]
    [InlineData("multilineText", """ "<airtable:mention id=\"men3\"></airtable:mention> left" """, "@someone left")]
    [InlineData("multilineText", """ "a <b>tag</b> that is not a mention stays" """, "a <b>tag</b> that is not a mention stays")]
    [InlineData("singleLineText", """ "<airtable:mention id=\"men4\">@Ada</airtable:mention>" """, "<airtable:mention id=\"men4\">@Ada</airtable:mention>")]
    public void MentionsInLongTextReadAsTheNamesAirtableShows(string type, string json, string expected) => Assert.Equal(expected, Format(type, json.Trim()).Text);

    [Fact]
    public void NumbersFollowPrecisionAndCulture()
    {
        Assert.Equal("1,234.50", Format("number", "1234.5", """{"precision":2}""").Text);
        Assert.Equal("1.234,50", Format("number", "1234.5", """{"precision":2}""", German).Text);
        Assert.Equal(CellKind.Number, Format("number", "1").Kind);
    }

    [Fact]
    public void CurrencyPercentDurationAndRatingUseTheirOptions()
    {
        Assert.Equal("€12.30", Format("currency", "12.3", """{"precision":2,"symbol":"€"}""").Text);
        Assert.Equal("45%", Format("percent", "0.45").Text);
        Assert.Equal("12.5%", Format("percent", "0.125", """{"precision":1}""").Text);
        Assert.Equal("1:01", Format("duration", "3661", """{"durationFormat":"h:mm"}""").Text);
        Assert.Equal("1:01:01", Format("duration", "3661", """{"durationFormat":"h:mm:ss"}""").Text);
        Assert.Equal("0:00:01.50", Format("duration", "1.5", """{"durationFormat":"h:mm:ss.SS"}""").Text);
        Assert.Equal("★★☆☆☆☆☆☆☆☆", Format("rating", "2", """{"max":10}""").Text);
    }

    [Fact]
    public void DatesUseTheViewersCultureAndTimeZone()
    {
        Assert.Equal("3/7/2026", Format("date", "\"2026-03-07\"").Text);
        Assert.Equal("07.03.2026", Format("date", "\"2026-03-07\"", culture: German).Text);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        Assert.Equal("3/7/2026 4:30 PM", Format("dateTime", "\"2026-03-07T07:30:00.000Z\"", zone: tokyo).Text);
        Assert.Equal("3/7/2026 7:30 AM", Format("createdTime", "\"2026-03-07T07:30:00.000Z\"").Text);
    }

    [Fact]
    public void SelectsBecomeChips()
    {
        var single = Format("singleSelect", "\"In progress\"");
        Assert.Equal(CellKind.Chips, single.Kind);
        Assert.Equal(["In progress"], single.Items.Select(i => i.Label));
        Assert.Equal(["a", "b"], Format("multipleSelects", """["a","b"]""").Items.Select(i => i.Label));
    }

    [Fact]
    public void CollaboratorsShowNamesThenEmailWhenNameIsMissing()
    {
        var people = Format("multipleCollaborators", """[{"id":"usr1","email":"a@x.io","name":"Ann"},{"id":"usr2","email":"b@x.io"}]""");
        Assert.Equal(CellKind.People, people.Kind);
        Assert.Equal(["Ann", "b@x.io"], people.Items.Select(i => i.Label));
        Assert.Equal("a@x.io", people.Items[0].Tooltip);
        Assert.Equal("Cy", Format("singleCollaborator", """{"id":"usr3","name":"Cy"}""").Text);
    }

    [Fact]
    public void LinkedRecordsShowTheirResolvedPrimaryValueAndLinkToTheLocalRecordPage()
    {
        var links = Format("multipleRecordLinks", """["recA","recB"]""", """{"linkedTableId":"tblL"}""",
            titles: new Dictionary<string, string> { ["recA"] = "Ada" });
        Assert.Equal(CellKind.Links, links.Kind);
        Assert.Equal(["Ada", "recB"], links.Items.Select(i => i.Label));
        Assert.Equal("bases/appB/tables/tblL/records/recA", links.Items[0].Href);
    }

    [Fact]
    public void AttachmentsShowFileNamesNotUrls()
    {
        var files = Format("multipleAttachments", """[{"id":"att1","url":"https://dl.example/x","filename":"plan.pdf","size":10,"type":"application/pdf"}]""");
        Assert.Equal(CellKind.Attachments, files.Kind);
        Assert.Equal("plan.pdf", files.Text);
        Assert.DoesNotContain("https", files.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckboxTrueIsCheckedAndFalseIsEmpty()
    {
        Assert.Equal(CellKind.Checkbox, Format("checkbox", "true").Kind);
        Assert.Equal(CellKind.Empty, Format("checkbox", "false").Kind);
    }

    [Theory]
    [InlineData("""{"error":"#ERROR!"}""", "#ERROR!")]
    [InlineData("""{"specialValue":"NaN"}""", "NaN")]
    public void FormulaErrorObjectsBecomeErrors(string json, string expected)
    {
        var cell = Format("formula", json, """{"result":{"type":"number"}}""");
        Assert.Equal(CellKind.Error, cell.Kind);
        Assert.Equal(expected, cell.Text);
    }

    [Fact]
    public void FormulasFormatByTheirResultType()
    {
        Assert.Equal("$3.00", Format("formula", "3", """{"result":{"type":"currency","options":{"precision":2,"symbol":"$"}}}""").Text);
        Assert.Equal("x, 2", Format("rollup", """["x",2]""").Text);
        Assert.Equal("a, b", Format("multipleLookupValues", """["a","b"]""", """{"result":{"type":"singleLineText"}}""").Text);
    }

    [Fact]
    public void UnknownTypesAndMismatchedShapesShowCompactJson()
    {
        var unknown = Format("futureType", """{ "a" : [1, 2] }""");
        Assert.Equal(CellKind.Json, unknown.Kind);
        Assert.Equal("""{"a":[1,2]}""", unknown.Text);
        Assert.Equal(CellKind.Json, Format("singleSelect", """{"id":"sel1"}""").Kind);
        Assert.Equal(CellKind.Json, Format(null, "\"x\"").Kind);
    }

    [Fact]
    public void OtherObjectTypesShowTheirReadablePart()
    {
        Assert.Equal("ABC-1", Format("barcode", """{"text":"ABC-1","type":"code39"}""").Text);
        Assert.Equal("Open", Format("button", """{"label":"Open","url":null}""").Text);
        Assert.Equal("Summary", Format("aiText", """{"state":"generated","isStale":false,"value":"Summary"}""").Text);
    }

    [Fact]
    public void MissingValuesAreEmpty()
    {
        var context = CellFormatContext.Invariant();
        Assert.Equal(CellKind.Empty, CellFormatter.Format(new FieldSchema("f", "F", "number", null, null), null, context).Kind);
        Assert.Equal(CellKind.Empty, Format("singleLineText", "null").Kind);
    }

    [Fact]
    public void BrokenOptionsJsonIsIgnored() => Assert.Equal("5", Format("number", "5", "{not json").Text);
}
