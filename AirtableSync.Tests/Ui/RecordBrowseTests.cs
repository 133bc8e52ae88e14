using AirtableSync.Web.Components.Pages.RecordList;

namespace AirtableSync.Tests.Ui;

public class RecordBrowseTests
{
    [Fact]
    public void SortCyclesAscendingDescendingThenDefaultAndRestartsOnAnotherField()
    {
        var browse = new RecordBrowse().WithSortToggled("fldA");
        Assert.Equal(("fldA", false), (browse.SortFieldId, browse.Descending));
        browse = browse.WithSortToggled("fldA");
        Assert.Equal(("fldA", true), (browse.SortFieldId, browse.Descending));
        Assert.Equal(("fldB", false), (browse.WithSortToggled("fldB").SortFieldId, browse.WithSortToggled("fldB").Descending));
        browse = browse.WithSortToggled("fldA");
        Assert.Equal((null, false), (browse.SortFieldId, browse.Descending));
    }

    [Fact]
    public void AddressKeepsSearchDropsAnOldPageAndLeavesDefaultsOut()
    {
        Assert.Equal(new Dictionary<string, object?> { ["q"] = "fox", ["page"] = null }, new RecordBrowse("fox").AddressQuery());
        Assert.Equal(new Dictionary<string, object?> { ["q"] = null, ["page"] = null }, new RecordBrowse("  ").AddressQuery());
    }

    [Fact]
    public void RequestCarriesEveryChoiceToTheStore() =>
        Assert.Equal(new RecordGridRequest(100, 25, "x", "fldA", true, true), new RecordBrowse("x", true, "fldA", true).Request(100, 25));
}
