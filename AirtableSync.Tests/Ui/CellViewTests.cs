using AirtableSync.Web.Components.Pages.RecordList.Cells;
using Bunit;

namespace AirtableSync.Tests.Ui;

public class CellViewTests : UiTestContext
{
    private IRenderedComponent<CellView> RenderCell(CellDisplay display) => Render<CellView>(p => p.Add(c => c.Display, display));

    [Fact]
    public void ChipsPeopleAndFilesRenderOneChipPerItem()
    {
        var cut = RenderCell(CellDisplay.OfItems(CellKind.People, [new CellItem("Ann", "ann@x.io"), new CellItem("Bob")]));
        Assert.Equal(["Ann", "Bob"], cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Equal("people", cut.Find("[data-kind]").GetAttribute("data-kind"));
    }

    [Fact]
    public void FormulaErrorsRenderAsAnErrorChip()
    {
        var cut = RenderCell(CellDisplay.OfText("#ERROR!", CellKind.Error));
        var chip = cut.Find("[data-kind=error]");
        Assert.Contains("mud-chip-color-error", chip.ClassName, StringComparison.Ordinal);
        Assert.Equal("#ERROR!", chip.TextContent.Trim());
    }

    [Fact]
    public void LinkedRecordsRenderAsLinksToTheirRecordPage()
    {
        var cut = RenderCell(CellDisplay.OfItems(CellKind.Links, [new CellItem("Ada", "recA", "bases/appB/tables/tblL/records/recA"), new CellItem("recB", "recB")]));
        var link = cut.Find("a");
        Assert.Equal("Ada", link.TextContent.Trim());
        Assert.Equal("bases/appB/tables/tblL/records/recA", link.GetAttribute("href"));
        Assert.Single(cut.FindAll("a"));
    }

    [Fact]
    public void CheckboxRendersACheckIcon() =>
        Assert.NotNull(RenderCell(new CellDisplay(CellKind.Checkbox, "Yes", [])).Find("[data-kind=checkbox]"));

    [Fact]
    public void HtmlInCellTextIsShownAsTextNeverAsMarkup()
    {
        var cut = RenderCell(CellDisplay.OfText("<b>bold</b><script>alert(1)</script>"));
        Assert.Empty(cut.FindAll("b"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<b>bold</b><script>alert(1)</script>", cut.Find("[data-kind=text]").TextContent);
        var chips = RenderCell(CellDisplay.OfItems(CellKind.Chips, [new CellItem("<i>x</i>")]));
        Assert.Empty(chips.FindAll("i"));
    }

    [Fact]
    public void JsonAndNumbersHaveTheirOwnLook()
    {
        Assert.Equal("{\"a\":1}", RenderCell(CellDisplay.OfText("{\"a\":1}", CellKind.Json)).Find("code").TextContent);
        Assert.Contains("cell-number", RenderCell(CellDisplay.OfText("5", CellKind.Number)).Find("span").ClassName, StringComparison.Ordinal);
    }
}
