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
    public void AddressKeepsSearchAndOneBasedPageAndLeavesDefaultsOut()
    {
        Assert.Equal(new Dictionary<string, object?> { ["q"] = "fox", ["page"] = 3 }, new RecordBrowse("fox").AddressQuery(2));
        Assert.Equal(new Dictionary<string, object?> { ["q"] = null, ["page"] = null }, new RecordBrowse("  ").AddressQuery(0));
    }

    [Fact]
    public void RequestCarriesEveryChoiceToTheStore() =>
        Assert.Equal(new RecordGridRequest(4, 25, "x", "fldA", true, true), new RecordBrowse("x", true, "fldA", true).Request(4, 25));
}
