using AirtableSync.Revisions;

namespace AirtableSync.Tests.Revisions;

public class RevisionFieldRolesTests
{
    private static FieldSchema Field(string id, string name, string? type, bool removed = false) => new(id, name, type, null, null, removed);

    [Fact]
    public void ExactStatusNameBeatsAFieldThatOnlyContainsIt()
    {
        var roles = RevisionFieldRoles.FromSchema(
        [
            Field("fldPay", "Payment status", "singleSelect"),
            Field("fldStatus", "Status", "singleSelect"),
        ]);

        Assert.Equal("fldStatus", roles.StatusFieldId);
    }

    [Fact]
    public void StageSelectIsTheStatusWhenNothingIsNamedStatus()
    {
        var roles = RevisionFieldRoles.FromSchema([Field("fldName", "Name", "singleLineText"), Field("fldStage", "Pipeline stage", "singleSelect")]);

        Assert.Equal("fldStage", roles.StatusFieldId);
    }

    [Fact]
    public void OnlySingleSelectsCanBeTheStatusAndOnlyCollaboratorFieldsTheAssignee()
    {
        var roles = RevisionFieldRoles.FromSchema(
        [
            Field("fldMulti", "Status", "multipleSelects"),
            Field("fldText", "Status", "singleLineText"),
            Field("fldLink", "Assignee", "multipleRecordLinks"),
            Field("fldTextOwner", "Owner", "singleLineText"),
            Field("fldNoType", "Assignee", null),
        ]);

        Assert.Equal(RevisionFieldRoles.None, roles);
    }

    [Theory]
    [InlineData("Assignee", "singleCollaborator")]
    [InlineData("Assigned to", "singleCollaborator")]
    [InlineData("Ticket owner", "multipleCollaborators")]
    public void CollaboratorNamedLikeAssignOrOwnerIsTheAssignee(string name, string type)
    {
        var roles = RevisionFieldRoles.FromSchema([Field("fldCreatedBy", "Created by", "createdBy"), Field("fldWho", name, type)]);

        Assert.Equal("fldWho", roles.AssigneeFieldId);
    }

    [Fact]
    public void RemovedFieldsAreNotPicked()
    {
        var roles = RevisionFieldRoles.FromSchema([Field("fldOld", "Status", "singleSelect", removed: true), Field("fldWho", "Owner", "singleCollaborator", removed: true)]);

        Assert.Null(roles.StatusFieldId);
        Assert.Null(roles.AssigneeFieldId);
    }

    [Fact]
    public void KindIsDecidedByIdNotByName()
    {
        var roles = new RevisionFieldRoles("fldS", "fldA");

        Assert.Equal(RevisionEventKind.Status, roles.KindOf("fldS"));
        Assert.Equal(RevisionEventKind.Assignee, roles.KindOf("fldA"));
        Assert.Equal(RevisionEventKind.Field, roles.KindOf("fldOther"));
        Assert.Equal(RevisionEventKind.Field, roles.KindOf(null));
        Assert.Equal(RevisionEventKind.Field, RevisionFieldRoles.None.KindOf("fldS"));
    }
}
