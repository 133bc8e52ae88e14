using AirtableSync.Web.Components.Pages.RecordList.Export;

namespace AirtableSync.Tests.Export;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "-1")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("-1.5E-05", "-1.5E-05")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-1,5", "\"'-1,5\"")]
    [InlineData("- 5", "'- 5")]
    [InlineData("-5\n=1", "\"'-5\n=1\"")]
    [InlineData("-", "'-")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("", "")]
    public void CellsAreQuotedAndNeutralised(string value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void ALineEndsWithCrLf() => Assert.Equal("a,\"b,c\",\r\n", CsvText.Line(["a", "b,c", ""]));
}
