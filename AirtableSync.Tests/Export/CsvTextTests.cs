using AirtableSync.Web.Components.Pages.Records.Export;

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
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("", "")]
    public void CellsAreQuotedAndNeutralised(string value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void ALineEndsWithCrLf() => Assert.Equal("a,\"b,c\",\r\n", CsvText.Line(["a", "b,c", ""]));
}
