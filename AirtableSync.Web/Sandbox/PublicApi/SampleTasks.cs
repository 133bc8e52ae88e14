using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// One field of almost every docs/airtable/public-api.md §2.3 type, and some records left empty.
internal static class SampleTasks
{
    private static readonly string[] Verbs = ["Fix", "Add", "Remove", "Refactor", "Document", "Test", "Speed up", "Design"];
    private static readonly string[] Things = ["login form", "CSV export", "billing page", "search index", "webhook retries", "audit log", "dark theme", "API pagination"];
    private static readonly string[] Statuses = ["Todo", "In progress", "In review", "Done", "Blocked"];
    private static readonly string[] Tags = ["frontend", "backend", "infra", "ux", "security", "docs"];

    public sealed record Links(
        string[] TaskIds,
        string[] EpicIds,
        int[] EpicIndexOfTask,
        double?[] Points,
        string[] PeopleIds,
        IReadOnlyDictionary<string, string> EpicStatusById,
        FakeField Name,
        FakeField Epic,
        FakeField StoryPoints,
        FakeField EpicStatusField,
        string PeopleTableId);

    public static void Build(GeneratedWorkspace g, SampleCells cells, FakeUserDirectory users, GeneratedTable tasks, Links links, DateTimeOffset anchor)
    {
        var notes = tasks.Field("Notes", "multilineText");
        var status = tasks.Field("Status", "singleSelect", SampleCells.Choices(Statuses));
        var tags = tasks.Field("Tags", "multipleSelects", SampleCells.Choices(Tags));
        var assignee = tasks.Field("Assignee", "singleCollaborator");
        var reviewers = tasks.Field("Reviewers", "multipleCollaborators");
        var owner = tasks.Field("Owner", "multipleRecordLinks", SampleCells.Options(("linkedTableId", links.PeopleTableId), ("isReversed", false), ("prefersSingleRecordLink", true)));
        var estimate = tasks.Field("Estimate", "duration", SampleCells.Options(("durationFormat", "h:mm")));
        var priority = tasks.Field("Priority", "rating", SampleCells.Options(("max", 5), ("icon", "star"), ("color", "yellowBright")));
        var done = tasks.Field("Done", "checkbox", SampleCells.Options(("icon", "check"), ("color", "greenBright")));
        var due = tasks.Field("Due", "date", SampleCells.Options(("dateFormat", new JsonObject { ["name"] = "iso", ["format"] = "YYYY-MM-DD" })));
        var started = tasks.Field("Started at", "dateTime", SampleCells.Options(("timeZone", "utc"), ("dateFormat", new JsonObject { ["name"] = "iso", ["format"] = "YYYY-MM-DD" }), ("timeFormat", new JsonObject { ["name"] = "24hour", ["format"] = "HH:mm" })));
        tasks.Field("Created", "createdTime", SampleCells.Options(("result", new JsonObject { ["type"] = "dateTime", ["options"] = new JsonObject { ["timeZone"] = "utc" } })));
        tasks.Field("Modified", "lastModifiedTime", SampleCells.Options(("isValid", true), ("referencedFieldIds", new JsonArray()), ("result", new JsonObject { ["type"] = "dateTime", ["options"] = new JsonObject { ["timeZone"] = "utc" } })));
        var createdBy = tasks.Field("Created by", "createdBy");
        var modifiedBy = tasks.Field("Last modified by", "lastModifiedBy");
        var number = tasks.Field("Task #", "autoNumber");
        var daysLeft = tasks.Field("Days left", "formula", SampleCells.Options(
            ("formula", $"DATETIME_DIFF({{{due.Id}}}, TODAY(), 'days')"), ("isValid", true), ("referencedFieldIds", new JsonArray(due.Id)),
            ("result", new JsonObject { ["type"] = "number", ["options"] = new JsonObject { ["precision"] = 0 } })));
        var epicStatus = tasks.Field("Epic status", "multipleLookupValues", SampleCells.Options(
            ("recordLinkFieldId", links.Epic.Id), ("fieldIdInLinkedTable", links.EpicStatusField.Id), ("isValid", true),
            ("result", new JsonObject { ["type"] = "singleSelect", ["options"] = SampleCells.Choices("Planned", "Active", "Shipped") })));
        var files = tasks.Field("Attachments", "multipleAttachments", SampleCells.Options(("isReversed", false)));
        var barcode = tasks.Field("Barcode", "barcode");
        var open = tasks.Field("Open", "button", SampleCells.Options(("label", "Open")));
        var summary = tasks.Field("AI summary", "aiText", SampleCells.Options(("prompt", new JsonArray("Summarise ", new JsonObject { ["field"] = new JsonObject { ["fieldId"] = notes.Id } })), ("referencedFieldIds", new JsonArray(notes.Id))));
        var insight = tasks.Field("Insight", "fancyNewType", SampleCells.Options(("mystery", true), ("shape", "undocumented")));
        tasks.View("Open tasks");
        tasks.View("Board", "kanban");

        for (var i = 0; i < links.TaskIds.Length; i++)
        {
            var created = cells.TimeBefore(anchor, 180);
            var modified = g.Chance(0.6) ? created + (anchor - created) * g.Random.NextDouble() : (DateTimeOffset?)null;
            // Every 40th record has no cells at all: Airtable returns it with "fields": {} (docs/airtable/public-api.md §3.1).
            if (i % 40 == 39)
            {
                tasks.Record(links.TaskIds[i], created, modified, []);
                continue;
            }
            var epicIndex = links.EpicIndexOfTask[i];
            var epicId = epicIndex >= 0 ? links.EpicIds[epicIndex] : null;
            var taskStatus = g.Pick(Statuses);
            var dueDate = created.AddDays(g.Random.Next(3, 60));
            tasks.Record(links.TaskIds[i], created, modified,
            [
                (links.Name, g.Chance(0.97) ? $"{g.Pick(Verbs)} {g.Pick(Things)}" : null),
                (notes, NotesFor(g, users, i)),
                (status, taskStatus),
                (tags, cells.SomeChoices(Tags, 3)),
                (assignee, g.Chance(0.8) ? cells.AnyCollaborator() : null),
                (reviewers, cells.SomeCollaborators(2)),
                (links.Epic, epicId is null ? null : new JsonArray(epicId)),
                (owner, g.Chance(0.7) ? new JsonArray(g.Pick(links.PeopleIds)) : null),
                (estimate, g.Chance(0.6) ? g.Random.Next(1, 40) * 900 : null),
                (links.StoryPoints, links.Points[i]),
                (priority, g.Chance(0.8) ? g.Random.Next(1, 6) : null),
                (done, taskStatus == "Done"),
                (due, g.Chance(0.75) ? SampleCells.Date(dueDate) : null),
                (started, taskStatus != "Todo" ? SampleCells.Time(created.AddHours(g.Random.Next(1, 200))) : null),
                (createdBy, cells.AnyCollaborator()),
                (modifiedBy, modified is null ? null : cells.AnyCollaborator()),
                (number, i + 1),
                (daysLeft, DaysLeft(i, dueDate, anchor)),
                (epicStatus, epicId is null ? null : new JsonArray(links.EpicStatusById[epicId])),
                (files, cells.Attachments(2, $"task-{i + 1}")),
                (barcode, g.Chance(0.3) ? new JsonObject { ["text"] = $"{g.Random.Next(100_000, 999_999)}", ["type"] = "upce" } : null),
                (open, new JsonObject { ["label"] = "Open", ["url"] = i % 9 == 0 ? null : $"https://tracker.example.com/tasks/{i + 1}" }),
                (summary, AiText(g, i)),
                (insight, i % 5 == 0 ? new JsonObject { ["kind"] = "sparkle", ["payload"] = new JsonObject { ["score"] = Math.Round(g.Random.NextDouble(), 3), ["labels"] = new JsonArray("a", "b") } } : null),
            ]);
        }
    }

    private static JsonNode? NotesFor(GeneratedWorkspace g, FakeUserDirectory users, int i)
    {
        if (!g.Chance(0.7))
        {
            return null;
        }
        var text = $"Steps:\n1. open the page\n2. check the result\n\nSee ticket #{1000 + i}.";
        if (i % 7 == 0)
        {
            // Mention tokens appear in long text cells (docs/airtable/public-api.md §2.3 multilineText).
            var user = g.Pick(users.Collaborators);
            text += $"\n<airtable:mention id=\"men{user.Id[3..]}\">@{user.Name}</airtable:mention> please review.";
        }
        return text;
    }

    // Mostly numbers, but also the error and NaN objects formulas really return (docs/airtable/public-api.md §2.4).
    private static JsonNode DaysLeft(int i, DateTimeOffset due, DateTimeOffset anchor) => (i % 17) switch
    {
        3 => new JsonObject { ["error"] = "#ERROR!" },
        11 => new JsonObject { ["specialValue"] = "NaN" },
        _ => (int)Math.Round((due - anchor).TotalDays),
    };

    private static JsonObject AiText(GeneratedWorkspace g, int i) => (i % 13) switch
    {
        0 => new JsonObject { ["state"] = "error", ["isStale"] = false, ["value"] = null, ["errorType"] = "unknown" },
        1 => new JsonObject { ["state"] = "loading", ["isStale"] = false, ["value"] = null },
        _ => new JsonObject { ["state"] = "generated", ["isStale"] = g.Chance(0.2), ["value"] = $"Task {i + 1} is about {g.Pick(Things)}." },
    };
}
