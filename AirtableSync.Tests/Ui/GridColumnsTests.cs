using AirtableSync.Revisions;
using AirtableSync.Web.Components.Pages.RecordList;

namespace AirtableSync.Tests.Ui;

public class GridColumnsTests
{
    private static readonly StoredTable Table = new("appA", "tblA", "Tasks", "fldName", null,
        [
            new("fldNotes", "Notes", "multilineText", null, null),
            new("fldName", "Name", "singleLineText", null, null),
            new("fldWho", "Assignee", "singleCollaborator", null, null),
            new("fldStage", "Stage", "singleSelect", null, null),
            new("fldGone", "Gone", "singleLineText", null, null, IsRemoved: true),
        ], [], false, DateTimeOffset.UnixEpoch);

    private static readonly RevisionFieldRoles Roles = new("fldStage", "fldWho");

    private static IReadOnlyList<string> Ids(GridColumns columns) => [.. columns.Shown.Select(f => f.Id)];

    [Fact]
    public void ByDefaultThePrimaryFieldLeadsThenStatusThenAssigneeThenAirtablesOrder()
    {
        var columns = new GridColumns(Table, Roles, null);
        Assert.Equal(["fldName", "fldStage", "fldWho", "fldNotes"], Ids(columns));
        Assert.True(columns.IsDefault);
        Assert.Equal(["fldName", "fldNotes", "fldWho", "fldStage"], Ids(new GridColumns(Table, RevisionFieldRoles.None, null)));
    }

    [Fact]
    public void ALayoutReordersAndHidesButFieldsAddedSinceAppearAtTheEnd()
    {
        var layout = new GridLayout(["fldNotes", "fldName", "fldUnknown", "fldGone"], ["fldWho", "fldName"]);
        var columns = new GridColumns(Table, Roles, layout);
        // The primary field cannot be hidden or moved; unknown and removed fields are dropped; Stage was not in the layout.
        Assert.Equal(["fldName", "fldNotes", "fldStage"], Ids(columns));
        Assert.Equal(1, columns.HiddenCount);
        Assert.False(columns.IsDefault);
    }

    [Fact]
    public void MovingStopsAtTheEdgesAndNeverPassesThePrimaryField()
    {
        var columns = new GridColumns(Table, Roles, null);
        Assert.Equal(["fldName", "fldStage", "fldWho", "fldNotes"], columns.WithMoved("fldStage", -1).Order);
        Assert.Equal(["fldName", "fldStage", "fldWho", "fldNotes"], columns.WithMoved("fldNotes", 1).Order);
        Assert.Equal(["fldName", "fldStage", "fldWho", "fldNotes"], columns.WithMoved("fldName", 1).Order);
        Assert.Equal(["fldName", "fldStage", "fldNotes", "fldWho"], columns.WithMoved("fldNotes", -1).Order);
    }

    [Fact]
    public void ShowingAndHidingKeepsTheOthersAsTheyWere()
    {
        var columns = new GridColumns(Table, Roles, new GridLayout([], ["fldNotes"]));
        Assert.Equal(["fldWho", "fldNotes"], columns.WithShown("fldWho", false).Hidden); // in the grid's order
        Assert.Empty(columns.WithShown("fldNotes", true).Hidden);
        Assert.Equal(["fldNotes"], columns.WithShown("fldName", false).Hidden);
        Assert.True(new GridColumns(Table, Roles, columns.WithShown("fldNotes", true)).IsDefault);
    }
}
