using System.Text.Json;
using AirtableSync.Web.Components.Pages.RecordList.Export;

namespace AirtableSync.Tests.Export;

// The CSV's own columns never take a field's name, and a rating is a number a spreadsheet can sum.
public sealed class ExportColumnsTests
{
    private static FieldSchema Field(string id, string name, string type, string? options = null) => new(id, name, type, null, options);

    [Fact]
    public void OurColumnsStepAsideWhenATableHasFieldsOfTheSameName()
    {
        FieldSchema[] columns = [Field("fldName", "Name", "singleLineText"), Field("fldCreated", "record created", "createdTime"), Field("fldId", "Record ID", "autoNumber"),
            Field("fldDel", "Record deleted", "checkbox")];

        var header = RecordCsvWriter.Header(columns, includeDeleted: true);

        Assert.Equal(["Record ID (AirtableSync)", "Record created (AirtableSync)", "Name", "record created", "Record ID", "Record deleted", "Record deleted (AirtableSync)"], header);
        Assert.Equal(header.Count, header.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void WithoutCollisionsOurColumnsKeepTheirPlainNames() =>
        Assert.Equal(["Record ID", "Record created", "Name"], RecordCsvWriter.Header([Field("fldName", "Name", "singleLineText")], includeDeleted: false));

    [Theory]
    [InlineData("4", "4")]
    [InlineData("1", "1")]
    [InlineData("5", "5")]
    public void ARatingIsExportedAsItsNumberNotAsStars(string json, string expected)
    {
        FieldSchema[] columns = [Field("fldRating", "Priority", "rating", """{"max":5,"icon":"star","color":"yellowBright"}""")];

        var cells = ExportCells.Format($$"""{"fldRating":{{json}}}""", columns, ExportCells.Context("appX", new Dictionary<string, string>())).ToList();

        Assert.Equal(expected, Assert.Single(cells));
        Assert.DoesNotContain('★', cells[0]);
    }
}
