using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// People, Epics and Tasks, linked to each other. Tasks carries most docs/airtable/public-api.md §2.3 types, the irregular
// formula values of §2.4 and one type Airtable has not invented yet ("fancyNewType").
internal static class SampleProductRoadmap
{
    private static readonly string[] Words =
        ["sync", "login", "export", "billing", "search", "mobile", "onboarding", "report", "cache", "webhook", "audit", "import", "theme", "api", "invoice"];

    private static readonly string[] TaskStatuses = ["Todo", "In progress", "In review", "Done", "Blocked"];
    private static readonly string[] Tags = ["frontend", "backend", "infra", "ux", "security", "docs"];
    private static readonly string[] Roles = ["Engineer", "Designer", "Product manager", "QA"];
    private static readonly string[] EpicStatuses = ["Planned", "Active", "Shipped"];

    public static BaseData Build(GeneratedWorkspace g, SampleCells cells, FakeUserDirectory users, DateTimeOffset anchor)
    {
        var data = g.NewBase("Product Roadmap", "create");
        var people = g.NewTable(data, "People", "Everyone who works on the roadmap.");
        var epics = g.NewTable(data, "Epics");
        var tasks = g.NewTable(data, "Tasks", "Work items, one per record.");
        var peopleIds = Enumerable.Range(0, 12).Select(_ => people.NewRecordId()).ToArray();
        var epicIds = Enumerable.Range(0, 15).Select(_ => epics.NewRecordId()).ToArray();
        var taskIds = Enumerable.Range(0, 220).Select(_ => tasks.NewRecordId()).ToArray();

        BuildPeople(g, cells, users, people, peopleIds, anchor);

        var epicName = epics.Field("Name", "singleLineText");
        var epicStatusOptions = SampleCells.Choices(EpicStatuses);
        var epicStatus = epics.Field("Status", "singleSelect", epicStatusOptions);
        var epicSummary = epics.Field("Summary", "richText");
        var epicOwner = epics.Field("Owner", "singleCollaborator");
        var epicStart = epics.Field("Start", "date", SampleCells.Options(("dateFormat", new JsonObject { ["name"] = "iso", ["format"] = "YYYY-MM-DD" })));
        var epicTarget = epics.Field("Target", "dateTime", SampleCells.Options(("timeZone", "utc"), ("dateFormat", new JsonObject { ["name"] = "iso", ["format"] = "YYYY-MM-DD" }), ("timeFormat", new JsonObject { ["name"] = "24hour", ["format"] = "HH:mm" })));
        var epicBudget = epics.Field("Budget", "currency", SampleCells.Options(("precision", 2), ("symbol", "$")));
        var epicProgress = epics.Field("Progress", "percent", SampleCells.Options(("precision", 0)));
        var epicSite = epics.Field("Spec", "url");

        var taskName = tasks.Field("Name", "singleLineText");
        var taskEpic = tasks.Field("Epic", "multipleRecordLinks", SampleCells.Options(("linkedTableId", epics.Id), ("isReversed", false), ("prefersSingleRecordLink", true)));
        var epicTasks = epics.Field("Tasks", "multipleRecordLinks", SampleCells.Options(("linkedTableId", tasks.Id), ("inverseLinkFieldId", taskEpic.Id), ("isReversed", false), ("prefersSingleRecordLink", false)));
        var taskPoints = tasks.Field("Story points", "number", SampleCells.Options(("precision", 0)));
        var epicCount = epics.Field("Task count", "count", SampleCells.Options(("recordLinkFieldId", epicTasks.Id), ("isValid", true)));
        var epicTotal = epics.Field("Total points", "rollup", SampleCells.Options(
            ("recordLinkFieldId", epicTasks.Id), ("fieldIdInLinkedTable", taskPoints.Id), ("referencedFieldIds", new JsonArray()), ("isValid", true),
            ("result", new JsonObject { ["type"] = "number", ["options"] = new JsonObject { ["precision"] = 0 } })));

        var epicStatusById = new Dictionary<string, string>();
        var tasksByEpic = epicIds.ToDictionary(id => id, _ => new List<int>());
        var taskEpicIndex = new int[taskIds.Length];
        var points = new double?[taskIds.Length];
        for (var i = 0; i < taskIds.Length; i++)
        {
            taskEpicIndex[i] = g.Chance(0.9) ? g.Random.Next(epicIds.Length) : -1;
            points[i] = g.Chance(0.8) ? g.Pick((double[])[1, 2, 3, 5, 8, 13]) : null;
            if (taskEpicIndex[i] >= 0)
            {
                tasksByEpic[epicIds[taskEpicIndex[i]]].Add(i);
            }
        }
        for (var i = 0; i < epicIds.Length; i++)
        {
            var linked = tasksByEpic[epicIds[i]];
            var status = g.Pick(EpicStatuses);
            epicStatusById[epicIds[i]] = status;
            var start = cells.TimeAround(anchor, 120);
            epics.Record(epicIds[i], cells.TimeBefore(anchor, 200), g.Chance(0.5) ? cells.TimeBefore(anchor, 20) : null,
            [
                (epicName, $"Epic {i + 1}: {cells.Sentence(Words, 1, 3)}"),
                (epicStatus, status),
                (epicSummary, g.Chance(0.8) ? $"## Goal\n\nShip **{g.Pick(Words)}** for *{g.Pick(Words)}*.\n\n- [ ] design\n- [x] estimate\n" : null),
                (epicOwner, g.Chance(0.85) ? cells.AnyCollaborator() : null),
                (epicStart, SampleCells.Date(start)),
                (epicTarget, g.Chance(0.7) ? SampleCells.Time(start.AddDays(g.Random.Next(14, 90))) : null),
                (epicBudget, g.Chance(0.6) ? Math.Round(g.Random.NextDouble() * 50_000, 2) : null),
                (epicProgress, g.Chance(0.9) ? Math.Round(g.Random.NextDouble(), 2) : null),
                (epicSite, g.Chance(0.5) ? $"https://docs.example.com/specs/epic-{i + 1}" : null),
                (epicTasks, new JsonArray([.. linked.Select(t => (JsonNode)JsonValue.Create(taskIds[t]))])),
                (epicCount, linked.Count),
                (epicTotal, linked.Sum(t => points[t] ?? 0)),
            ]);
        }
        SampleTasks.Build(g, cells, users, tasks, new SampleTasks.Links(taskIds, epicIds, taskEpicIndex, points, peopleIds, epicStatusById, taskName, taskEpic, taskPoints, epicStatus, people.Id), anchor);
        return data;
    }

    private static void BuildPeople(GeneratedWorkspace g, SampleCells cells, FakeUserDirectory users, GeneratedTable people, string[] ids, DateTimeOffset anchor)
    {
        string[] first = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia"];
        var name = people.Field("Name", "singleLineText");
        var email = people.Field("Email", "email");
        var phone = people.Field("Phone", "phoneNumber");
        var role = people.Field("Role", "singleSelect", SampleCells.Choices(Roles));
        var account = people.Field("Account", "singleCollaborator");
        var photo = people.Field("Photo", "multipleAttachments", SampleCells.Options(("isReversed", false)));
        var active = people.Field("Active", "checkbox", SampleCells.Options(("icon", "check"), ("color", "greenBright")));
        var bio = people.Field("Bio", "multilineText");
        people.View("Active people");
        for (var i = 0; i < ids.Length; i++)
        {
            var user = i < users.Collaborators.Count ? users.Collaborators[i] : null;
            people.Record(ids[i], cells.TimeBefore(anchor, 365), g.Chance(0.3) ? cells.TimeBefore(anchor, 30) : null,
            [
                (name, user?.Name ?? first[i]),
                (email, user?.Email ?? $"{first[i].ToLowerInvariant()}@example.com"),
                (phone, g.Chance(0.7) ? $"+1 (555) {g.Random.Next(100, 999)}-{g.Random.Next(1000, 9999)}" : null),
                (role, g.Pick(Roles)),
                (account, user is null ? null : SampleCells.Collaborator(user)),
                (photo, cells.Attachments(1, "portrait")),
                (active, g.Chance(0.75)),
                (bio, g.Chance(0.6) ? $"Works on {g.Pick(Words)}.\nLikes {g.Pick(Words)} and {g.Pick(Words)}." : ""),
            ]);
        }
    }
}
