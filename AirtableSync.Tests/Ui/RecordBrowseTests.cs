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
    public void AddressKeepsSearchAndFiltersWithTheRestApisKeysAndLeavesDefaultsOut()
    {
        Assert.Equal("q=fox", new RecordBrowse("fox").AddressQuery());
        Assert.Equal("", new RecordBrowse("  ").AddressQuery());
        var browse = new RecordBrowse("a b", Filters: [new ValueFilter("fldS", ["Todo", "In progress"], IncludeBlank: true), new DateRangeFilter("fldD", new DateOnly(2025, 10, 1), null)]);
        Assert.Equal("q=a%20b&filter%5BfldS%5D=Todo&filter%5BfldS%5D=In%20progress&blank%5BfldS%5D=true&from%5BfldD%5D=2025-10-01", browse.AddressQuery());
    }

    [Fact]
    public void AFilterPerFieldReplacesTheOldOneAndNullRemovesIt()
    {
        var browse = new RecordBrowse().WithFilter("fldS", new ValueFilter("fldS", ["Todo"])).WithFilter("fldD", new DateRangeFilter("fldD", null, new DateOnly(2025, 1, 1)));
        browse = browse.WithFilter("fldS", new ValueFilter("fldS", ["Done"]));
        Assert.Equal(["fldD", "fldS"], browse.ActiveFilters.Select(f => f.FieldId));
        Assert.Equal(["Done"], ((ValueFilter)browse.ActiveFilters[1]).Values);
        Assert.Equal(["fldD"], browse.WithFilter("fldS", null).ActiveFilters.Select(f => f.FieldId));
        Assert.True(browse.IsNarrowed);
        Assert.False(new RecordBrowse().IsNarrowed);
    }

    [Fact]
    public void RequestCarriesEveryChoiceToTheStoreWithDateFiltersInTheViewersZone()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var browse = new RecordBrowse("x", true, "fldA", true, [new ValueFilter("fldS", ["Todo"]), new DateRangeFilter("fldD", new DateOnly(2025, 1, 1), null)]);
        var request = browse.Request(100, 25, paris);
        Assert.Equal((100, 25, "x", "fldA", true, true), (request.Skip, request.Take, request.Search, request.SortFieldId, request.Descending, request.IncludeDeleted));
        Assert.Equal(paris, Assert.IsType<DateRangeFilter>(request.Filters![1]).Zone);
        Assert.Equal(browse.ActiveFilters[0], request.Filters[0]);
        Assert.Null(new RecordBrowse().Request(0, 10).ToQuery("app", "tbl").Filters);
    }
}
