using AirtableSync.Revisions;
using AirtableSync.Storage;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

/// <summary>
/// The synced schema's field type decides the value shape when it disagrees with the markup's <c>data-columntype</c>;
/// the markup's type speaks only for fields the schema does not know. Each case also reads the same markup without the
/// schema, so the test shows that the schema is what changed the answer.
/// </summary>
public class SchemaShapedDiffParsingTests
{
    private const string ChoicesJson = """
        {"choices":[
          {"id":"selTodo0000000001","name":"Todo","color":"redLight2"},
          {"id":"selDoing000000001","name":"In progress","color":"yellowLight2"},
          {"id":"selDone0000000001","name":"Done","color":"greenLight2"},
          {"id":"selHold0000000001","name":"On hold","color":"grayLight2"},
          {"id":"selParked00000001","name":"Parked","color":"grayLight2"}]}
        """;

    private readonly RevisionDiffParser _parser = new();

    private static RevisionSchema Schema(params FieldSchema[] fields) => RevisionSchema.From(fields);

    private static FieldSchema Field(string id, string type, string? options = null, bool removed = false) =>
        new(id, id[3..], type, null, options, removed);

    private ParsedFieldChange Single(string html, RevisionSchema? schema = null) => Assert.Single(_parser.Parse(html, schema));

    [Fact]
    public void MarkupCollaboratorOfAMultipleCollaboratorsFieldKeepsTheUnchangedUserOnBothSides()
    {
        var html = Container("fldReviewers", "Reviewers", "collaborator", "diff",
            Pill("Ada Lovelace", struck: false) + Pill("Barbara Liskov", struck: false, badge: "Plus"));

        var change = Single(html, Schema(Field("fldReviewers", "multipleCollaborators")));
        var markupOnly = Single(html);

        Assert.True(change.IsParsed);
        Assert.Equal(["Ada Lovelace"], change.OldValues);
        Assert.Equal(["Ada Lovelace", "Barbara Liskov"], change.NewValues);
        Assert.Equal(["Barbara Liskov"], markupOnly.NewValues); // what the issue reported: Ada on the wrong side
    }

    [Fact]
    public void MarkupMultiCollaboratorOfASingleCollaboratorFieldIsAOneForOneSwap()
    {
        var html = Container("fldAssignee", "Assignee", "multiCollaborator", "diff",
            Pill("Grace Hopper", struck: true) + Pill("Ada Lovelace", struck: false));

        var change = Single(html, Schema(Field("fldAssignee", "singleCollaborator")));
        var markupOnly = Single(html);

        Assert.Equal(["Grace Hopper"], change.OldValues);
        Assert.Equal(["Ada Lovelace"], change.NewValues);
        Assert.Equal(["Grace Hopper", "Ada Lovelace"], markupOnly.OldValues);
    }

    [Fact]
    public void MarkupSelectOfAMultipleSelectsFieldKeepsUnchangedChoicesOnBothSides()
    {
        var html = Container("fldTags", "Tags", "select", "diff",
            ChoicePill("backend", "blueLight2", struck: false, badge: null) + ChoicePill("urgent", "redLight2", struck: false, badge: "Plus"));

        var change = Single(html, Schema(Field("fldTags", "multipleSelects")));
        var markupOnly = Single(html);

        Assert.Equal(["backend"], change.OldValues);
        Assert.Equal(["backend", "urgent"], change.NewValues);
        Assert.Equal(["urgent"], markupOnly.NewValues);
    }

    [Fact]
    public void MarkupMultiSelectOfASingleSelectFieldGivesTheBareChoiceToTheNewSideOnly()
    {
        var html = Container("fldStatus", "Status", "multiSelect", "diff",
            ChoicePill("Todo", "redLight2", struck: true, badge: "Minus") + ChoicePill("In progress", "yellowLight2", struck: false, badge: null));

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));
        var markupOnly = Single(html);

        Assert.Equal(["Todo"], change.OldValues);
        Assert.Equal(["In progress"], change.NewValues);
        Assert.Equal(["Todo", "In progress"], markupOnly.OldValues);
    }

    [Fact]
    public void LinkedRecordsOfTheSchemaAreReadAsFullListsWhateverTypeTheMarkupNames()
    {
        var html = Container("fldRelated", "Related", "text", "diff", """
            <div class="foreignRecordRendererContainer">
              <div class="foreignRecord removed" title="Acme Corp">Acme Corp</div>
              <div class="foreignRecord" title="Globex">Globex</div>
              <div class="foreignRecord added" title="Initech">Initech</div>
            </div>
            """);

        var change = Single(html, Schema(Field("fldRelated", "multipleRecordLinks")));
        var markupOnly = Single(html);

        Assert.True(change.IsParsed);
        Assert.Equal(["Acme Corp", "Globex"], change.OldValues);
        Assert.Equal(["Globex", "Initech"], change.NewValues);
        Assert.Equal(["Initech"], markupOnly.NewValues); // read as text, the unchanged link is lost
    }

    [Fact]
    public void ChoiceIdsInTheMarkupAreNamedFromTheSchemasChoices()
    {
        var html = Container("fldStatus", "Status", "select", "diff", """
            <div class="inline-block relative"><div class="choiceToken" data-choiceid="selTodo0000000001" style="text-decoration: line-through"></div></div>
            <div class="inline-block relative"><div class="choiceToken"><div class="truncate-pre" title="selDone0000000001">selDone0000000001</div></div></div>
            """);

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));
        var markupOnly = Single(html);

        Assert.True(change.IsParsed);
        Assert.Equal(["Todo"], change.OldValues);
        Assert.Equal(["Done"], change.NewValues);
        Assert.Equal(["selDone0000000001"], markupOnly.NewValues);
    }

    [Fact]
    public void ATokenShowingOnlyItsColourIsNamedByTheOneChoiceOfThatColour()
    {
        var html = Container("fldStatus", "Status", "select", "diff",
            """<div class="choiceToken" style="background-color: var(--palette-redLight2); text-decoration: line-through"></div>"""
            + """<div class="choiceToken greenLight2"></div>""");

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));

        Assert.True(change.IsParsed);
        Assert.Equal(["Todo"], change.OldValues);
        Assert.Equal(["Done"], change.NewValues);
    }

    [Fact]
    public void AColourTwoChoicesShareLeavesTheChangeUnparsedRatherThanDroppingTheToken()
    {
        var html = Container("fldStatus", "Status", "select", "diff",
            """<div class="choiceToken" style="background-color: var(--palette-grayLight2); text-decoration: line-through"></div>"""
            + ChoicePill("Done", "greenLight2", struck: false, badge: null));

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));

        Assert.False(change.IsParsed);
        Assert.Contains("grayLight2", change.RawHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void AVisibleNameWinsOverTheSchemaSoARenamedChoiceKeepsItsNameOfThen()
    {
        var html = Container("fldStatus", "Status", "select", "diff",
            ChoicePill("Backlog", "redLight2", struck: true, badge: "Minus") + ChoicePill("Done", "greenLight2", struck: false, badge: null));

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));

        Assert.Equal(["Backlog"], change.OldValues);
        Assert.Equal(["Done"], change.NewValues);
    }

    [Fact]
    public void AFieldTheSchemaDoesNotKnowFallsBackToTheMarkupsType()
    {
        var html = Container("fldGone", "Old tags", "multiSelect", "diff",
            ChoicePill("backend", "blueLight2", struck: false, badge: null) + ChoicePill("urgent", "redLight2", struck: false, badge: "Plus"));
        // Another field is single-valued, and the schema still lists this one, but as removed: neither may decide.
        var schema = Schema(Field("fldStatus", "singleSelect", ChoicesJson), Field("fldGone", "singleSelect", removed: true));

        var change = Single(html, schema);

        Assert.True(change.IsParsed);
        Assert.Equal(["backend"], change.OldValues);
        Assert.Equal(["backend", "urgent"], change.NewValues);
    }

    [Fact]
    public void MarkupThatMatchesNothingOfTheSchemaShapeIsReadByTheMarkupsType()
    {
        // A field converted from long text to a single select keeps its older text diffs.
        var html = Container("fldStatus", "Status", "multilineText", "diff", E2TextChunks);

        var change = Single(html, Schema(Field("fldStatus", "singleSelect", ChoicesJson)));

        Assert.True(change.IsParsed);
        Assert.Equal(["VK"], change.OldValues);
        Assert.Equal(["VK1"], change.NewValues);
    }

    [Fact]
    public void TheNormalizerHandsTheContextsSchemaToTheParser()
    {
        var html = Container("fldReviewers", "Reviewers", "collaborator", "diff",
            Pill("Ada Lovelace", struck: false) + Pill("Barbara Liskov", struck: false, badge: "Plus"));
        var json = new RevisionEnvelopeJson().Activity("actOne", "2026-03-01T10:00:00Z", "usrAda", html).Build();
        var context = new RevisionPageContext("appBase0000000001", "tblTickets0000001", "recTicket00000001", RevisionFieldRoles.None,
            Schema(Field("fldReviewers", "multipleCollaborators")));

        var e = Assert.Single(new RevisionActivityNormalizer(_parser).Normalize(json, context).Events);

        Assert.Equal(["Ada Lovelace"], e.OldValues);
        Assert.Equal(["Ada Lovelace", "Barbara Liskov"], e.NewValues);
    }
}
