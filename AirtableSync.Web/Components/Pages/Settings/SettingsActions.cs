using AirtableSync.Revisions;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Auth;

namespace AirtableSync.Web.Components.Pages.Settings;

// The candidates are the fields each role may plausibly be.
public sealed record TableRolesRow(StoredTable Table, RevisionFieldRoles Roles, IReadOnlyList<FieldSchema> StatusCandidates, IReadOnlyList<FieldSchema> AssigneeCandidates);

// Failures become readable sentences, logged, never raw. Admins only, checked on every call.
public sealed class SettingsActions(ISchemaStore store, TableFieldRoles fieldRoles, SyncScheduleStore schedules, CurrentUser currentUser, ILogger<SettingsActions> logger)
{
    // A Status is a choice among states; an Assignee is a person. Text fields are allowed too, since some bases
    // keep either as plain text; numbers, dates and attachments never are.
    private static readonly string[] StatusTypes = ["singleSelect", "singleLineText"];
    private static readonly string[] AssigneeTypes = ["singleCollaborator", "multipleCollaborators", "singleLineText", "email"];

    public async Task<IReadOnlyList<TableRolesRow>> ListTablesAsync(CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        var rows = new List<TableRolesRow>();
        foreach (var b in (await store.ListBasesAsync(cancellationToken)).Where(b => !b.IsRemoved))
        {
            foreach (var table in (await store.ListTablesAsync(b.Id, cancellationToken)).Where(t => !t.IsRemoved))
            {
                var live = table.Fields.Where(f => !f.IsRemoved).ToList();
                rows.Add(new(table, await fieldRoles.GetAsync(table, cancellationToken), OfTypes(live, StatusTypes), OfTypes(live, AssigneeTypes)));
            }
        }
        return rows;
    }

    public Task<string?> SaveRolesAsync(StoredTable table, RevisionFieldRoles roles) =>
        GuardAsync("save the field roles", () => fieldRoles.SaveAsync(table, roles, CancellationToken.None));

    public async Task<SyncSchedule> GetScheduleAsync(CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await schedules.GetAsync(cancellationToken);
    }

    /// <returns>A problem to show (an invalid cron, an unknown time zone, or a failed save), or null when saved.</returns>
    public async Task<string?> SaveScheduleAsync(SyncSchedule schedule)
    {
        if (!await currentUser.IsAdminAsync())
        {
            return "Only an admin can save the schedule.";
        }
        if (schedule.FindProblem() is { } problem)
        {
            return problem;
        }
        return await GuardAsync("save the schedule", () => schedules.SaveAsync(schedule, CancellationToken.None));
    }

    private static List<FieldSchema> OfTypes(List<FieldSchema> fields, string[] types) =>
        [.. fields.Where(f => f.Type is { } type && types.Contains(type, StringComparer.OrdinalIgnoreCase))];

    private Task<string?> GuardAsync(string action, Func<Task> work) => currentUser.RunAdminActionAsync(action, work, logger);
}
