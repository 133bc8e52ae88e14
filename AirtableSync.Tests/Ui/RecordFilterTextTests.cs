using System.Globalization;
using AirtableSync.Web.Components.Pages.RecordList;

namespace AirtableSync.Tests.Ui;

public class RecordFilterTextTests
{
    private static readonly FieldSchema Status = new("fldS", "Status", "singleSelect", null, """{"choices":[{"id":"sel1","name":"Todo"},{"id":"sel2","name":"Doing"},{"id":"sel3","name":"Todo"}]}""");
    private static readonly FieldSchema Due = new("fldD", "Due", "date", null, null);

    [Fact]
    public void SelectsPeopleAndDatesAreFilterableOtherFieldsAreNot()
    {
        Assert.True(RecordFilterText.IsFilterable(Status));
        Assert.True(RecordFilterText.IsFilterable(Due));
        Assert.True(RecordFilterText.IsFilterable(new("fldP", "Owner", "multipleCollaborators", null, null)));
        Assert.False(RecordFilterText.IsFilterable(new("fldN", "Notes", "multilineText", null, null)));
        Assert.False(RecordFilterText.IsFilterable(Status with { IsRemoved = true }));
        Assert.False(RecordFilterText.IsFilterable(new("fldX", "Odd", null, null, null)));
    }

    [Fact]
    public void ChoicesKeepTheSchemasOrderOnceEach() =>
        Assert.Equal(["Todo", "Doing"], RecordFilterText.Choices(Status).Select(o => o.Label));

    [Fact]
    public void ChipsSayWhatIsFilteredInWords()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        Assert.Equal("Status: Todo or Doing or (empty)", RecordFilterText.Chip(Status, new ValueFilter("fldS", ["Todo", "Doing"], true), RecordFilterText.Choices(Status), culture));
        var owner = new FieldSchema("fldP", "Owner", "singleCollaborator", null, null);
        var people = RecordFilterText.People([new CellPerson("usrA", "Ada", null, 3), new CellPerson("usrB", null, "bob@example.com", 1)]);
        Assert.Equal("Owner: Ada or bob@example.com or usrGone", RecordFilterText.Chip(owner, new ValueFilter("fldP", ["usrA", "usrB", "usrGone"]), people, culture));
        Assert.Equal("Due: 01/10/2025 – 31/10/2025", RecordFilterText.Chip(Due, new DateRangeFilter("fldD", new(2025, 10, 1), new(2025, 10, 31)), [], culture));
        Assert.Equal("Due: from 01/10/2025", RecordFilterText.Chip(Due, new DateRangeFilter("fldD", new(2025, 10, 1), null), [], culture));
        Assert.Equal("Due: until 31/10/2025", RecordFilterText.Chip(Due, new DateRangeFilter("fldD", null, new(2025, 10, 31)), [], culture));
    }
}
