using AirtableSync.Revisions;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

public class TokenDiffParsingTests
{
    private readonly RevisionDiffParser _parser = new();

    private ParsedFieldChange Single(string html) => Assert.Single(_parser.Parse(html));

    [Fact]
    public void CollaboratorPillsLoseAvatarInitialsAndStruckPillIsOld()
    {
        var html = Container("fldAssignee", "Assignee", "collaborator", "diff",
            Pill("Grace Hopper", struck: true) + Pill("Ada Lovelace", struck: false));

        var change = Single(html);

        Assert.True(change.IsParsed);
        Assert.Equal(["Grace Hopper"], change.OldValues);
        Assert.Equal(["Ada Lovelace"], change.NewValues);
    }

    [Fact]
    public void CollaboratorFixtureE4FromEmptyReadsTheNameDiv()
    {
        var change = Single(Container("fldAssignee", "Assignee", "collaborator", "nullToValue", E4CollaboratorName));

        Assert.Null(change.OldValues);
        Assert.Equal(["Ali Jaan"], change.NewValues);
    }

    [Fact]
    public void CollaboratorClearedKeepsOnlyTheOldSide()
    {
        var change = Single(Container("fldAssignee", "Assignee", "collaborator", "valueToNull", Pill("Alan Turing", struck: true)));

        Assert.Equal(["Alan Turing"], change.OldValues);
        Assert.Null(change.NewValues);
    }

    [Fact]
    public void MultipleCollaboratorsKeepUnchangedPillsOnBothSidesAndReadBadges()
    {
        var html = Container("fldReviewers", "Reviewers", "multipleCollaborators", "diff",
            Pill("Ada Lovelace", struck: false)
            + Pill("Katherine Johnson", struck: false, badge: "Plus")
            + Pill("Grace Hopper", struck: true, badge: "Minus"));

        var change = Single(html);

        Assert.Equal(["Ada Lovelace", "Grace Hopper"], change.OldValues);
        Assert.Equal(["Ada Lovelace", "Katherine Johnson"], change.NewValues);
    }

    [Fact]
    public void LinkedRecordsReadAddedRemovedAndUnchangedByClassAndTitle()
    {
        var html = Container("fldRelated", "Related", "foreignKey", "diff", """
            <div class="foreignRecordRendererContainer">
              <div class="foreignRecord removed" title="Acme Corp"><span class="truncate">Acme Corp</span></div>
              <div class="foreignRecord" title="Globex">Globex</div>
              <div class="foreignRecord added"><span class="truncate">Initech&nbsp;Ltd</span></div>
            </div>
            """);

        var change = Single(html);

        Assert.Equal(["Acme Corp", "Globex"], change.OldValues);
        Assert.Equal(["Globex", "Initech Ltd"], change.NewValues);
    }

    [Fact]
    public void LinkedRecordStruckByInlineStyleCountsAsRemoved()
    {
        var html = Container("fldRelated", "Related", "foreignKey", "diff", """
            <div class="foreignRecord" style="text-decoration: line-through" title="Old link">Old link</div>
            <div class="foreignRecord added" title="New link">New link</div>
            """);

        var change = Single(html);

        Assert.Equal(["Old link"], change.OldValues);
        Assert.Equal(["New link"], change.NewValues);
    }

    [Fact]
    public void AttachmentsReadTheirSideFromTheWasAddedAndWasRemovedTitles()
    {
        var html = Container("fldFiles", "Files", "multipleAttachment", "diff", """
            <div class="preview border border-red-light1" title="old screenshot.png was removed"><img src="a.png"></div>
            <div class="preview border" title="kept.pdf"><img src="b.png"></div>
            <div class="preview border border-green-light1" title="trace.har was added"><img src="c.png"></div>
            """);

        var change = Single(html);

        Assert.Equal(["old screenshot.png", "kept.pdf"], change.OldValues);
        Assert.Equal(["kept.pdf", "trace.har"], change.NewValues);
    }

    [Fact]
    public void AttachmentAddedToEmptyFieldHasNoOldSide()
    {
        var change = Single(Container("fldFiles", "Files", "multipleAttachment", "nullToValue",
            """<div class="preview" title="spec.pdf was added"></div>"""));

        Assert.Equal(ChangeKind.NullToValue, change.ChangeKind);
        Assert.Null(change.OldValues);
        Assert.Equal(["spec.pdf"], change.NewValues);
    }
}
