using System.Globalization;
using AirtableSync.Storage;

namespace AirtableSync.Tests.Ui;

/// <summary>
/// A small base like an analyst's: "Projects" with one field of each common type, linking to "People".
/// Values follow the records API's JSON shapes (docs/airtable/public-api.md §2.3).
/// </summary>
public static class SampleBase
{
    public const string BaseId = "appSample0000001";
    public const string Projects = "tblProjects00001";
    public const string People = "tblPeople000001";
    public static readonly DateTimeOffset SyncedAt = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<FieldSchema> ProjectFields =
    [
        new("fldStatus", "Status", "singleSelect", null, """{"choices":[{"id":"sel1","name":"Todo"},{"id":"sel2","name":"Doing"},{"id":"sel3","name":"Done"}]}"""),
        new("fldName", "Name", "singleLineText", null, null),
        new("fldScore", "Score", "number", null, """{"precision":0}"""),
        new("fldLead", "Lead", "multipleRecordLinks", null, $$"""{"linkedTableId":"{{People}}","isReversed":false,"prefersSingleRecordLink":false}"""),
        new("fldOwner", "Owner", "singleCollaborator", null, null),
        new("fldNotes", "Notes", "multilineText", null, null),
        new("fldCalc", "Calc", "formula", null, """{"formula":"1/0","isValid":true,"result":{"type":"number","options":{"precision":2}}}"""),
    ];

    public static async Task SeedAsync(ISyncStore store, int projectCount = 120, CancellationToken cancellationToken = default)
    {
        await store.ApplyBaseListAsync([new BaseInfo(BaseId, "Sample base", "create"), new BaseInfo("appGone000000001", "Old base", "read")], SyncedAt.AddDays(-1), cancellationToken);
        // The second list no longer has the old base: the store keeps it, marked removed.
        await store.ApplyBaseListAsync([new BaseInfo(BaseId, "Sample base", "create")], SyncedAt, cancellationToken);
        await store.ApplyBaseSchemaAsync(BaseId, Tables(withOldField: true), SyncedAt.AddHours(-1), cancellationToken);
        await store.ApplyBaseSchemaAsync(BaseId, Tables(withOldField: false), SyncedAt, cancellationToken);
        await store.MarkBaseSyncedAsync(BaseId, SyncedAt, cancellationToken);
        await store.UpsertRecordsAsync(BaseId, People, [new("recAda0000000001", Created, """{"fldPName":"Ada Lovelace"}"""), new("recBob0000000001", Created, """{"fldPName":"Bob <b>Builder</b>"}""")], SyncedAt, cancellationToken);
        var projects = Enumerable.Range(1, projectCount).Select(Project).ToList();
        await store.UpsertRecordsAsync(BaseId, Projects, projects, SyncedAt, cancellationToken);
    }

    public static RecordData Project(int i)
    {
        var status = (i % 3) switch { 0 => "Todo", 1 => "Doing", _ => "Done" };
        var lead = i % 2 == 0 ? "recAda0000000001" : "recBob0000000001";
        var name = $"Project {i.ToString("000", CultureInfo.InvariantCulture)}";
        var fields = $$$"""
            {"fldName":"{{{name}}}","fldStatus":"{{{status}}}","fldScore":{{{i}}},
             "fldLead":["{{{lead}}}"],"fldOwner":{"id":"usrAda","email":"ada@example.com","name":"Ada L"},
             "fldNotes":"notes for {{{i}}}","fldCalc":{"specialValue":"NaN"}}
            """;
        return new RecordData(ProjectId(i), Created.AddMinutes(i), fields);
    }

    public static string ProjectId(int i) => $"recProj{i.ToString("000000000", CultureInfo.InvariantCulture)}";

    private static IReadOnlyList<TableSchema> Tables(bool withOldField)
    {
        IReadOnlyList<FieldSchema> fields = withOldField ? [.. ProjectFields, new FieldSchema("fldOld", "Old field", "singleLineText", null, null)] : ProjectFields;
        return
        [
            new TableSchema(Projects, "Projects", "fldName", null, fields, [new ViewSchema("viwGrid", "Grid view", "grid")]),
            new TableSchema(People, "People", "fldPName", null, [new FieldSchema("fldPName", "Name", "singleLineText", null, null)], []),
        ];
    }
}
