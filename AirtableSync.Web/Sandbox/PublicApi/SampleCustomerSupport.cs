using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// "Customer Support" (Customers, Tickets and a synced Zendesk table) and a read-only "Marketing Calendar".
internal static class SampleCustomerSupport
{
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka"];
    private static readonly string[] Plans = ["Free", "Team", "Business", "Enterprise"];
    private static readonly string[] Priorities = ["Low", "Normal", "High", "Urgent"];
    private static readonly string[] Channels = ["Email", "Chat", "Phone", "Web form"];
    private static readonly string[] Topics = ["cannot log in", "invoice is wrong", "export fails", "slow dashboard", "feature request", "API returns 429"];

    public static BaseData Build(GeneratedWorkspace g, SampleCells cells, DateTimeOffset anchor)
    {
        var data = g.NewBase("Customer Support", "edit");
        var customers = g.NewTable(data, "Customers");
        var tickets = g.NewTable(data, "Tickets", "Support requests from every channel.");
        var customerIds = Enumerable.Range(0, 40).Select(_ => customers.NewRecordId()).ToArray();

        var name = customers.Field("Name", "singleLineText");
        var email = customers.Field("Email", "email");
        var phone = customers.Field("Phone", "phoneNumber");
        var plan = customers.Field("Plan", "singleSelect", SampleCells.Choices(Plans));
        var since = customers.Field("Customer since", "date", SampleCells.Options(("dateFormat", new JsonObject { ["name"] = "us", ["format"] = "M/D/YYYY" })));
        var revenue = customers.Field("Annual revenue", "currency", SampleCells.Options(("precision", 0), ("symbol", "€")));
        for (var i = 0; i < customerIds.Length; i++)
        {
            var company = $"{g.Pick(Companies)} {(char)('A' + i % 26)}{i}";
            customers.Record(customerIds[i], cells.TimeBefore(anchor, 400), g.Chance(0.4) ? cells.TimeBefore(anchor, 40) : null,
            [
                (name, company),
                (email, $"support+{i}@{company.Split(' ')[0].ToLowerInvariant()}.example"),
                (phone, g.Chance(0.5) ? $"+44 20 {g.Random.Next(1000, 9999)} {g.Random.Next(1000, 9999)}" : null),
                (plan, g.Pick(Plans)),
                (since, SampleCells.Date(cells.TimeBefore(anchor, 1500))),
                (revenue, g.Chance(0.6) ? g.Random.Next(1, 500) * 1000 : null),
            ]);
        }

        var subject = tickets.Field("Subject", "singleLineText");
        var description = tickets.Field("Description", "multilineText");
        var customer = tickets.Field("Customer", "multipleRecordLinks", SampleCells.Options(("linkedTableId", customers.Id), ("isReversed", false), ("prefersSingleRecordLink", true)));
        var priority = tickets.Field("Priority", "singleSelect", SampleCells.Choices(Priorities));
        var channel = tickets.Field("Channel", "singleSelect", SampleCells.Choices(Channels));
        var agent = tickets.Field("Agent", "singleCollaborator");
        var opened = tickets.Field("Opened", "dateTime", SampleCells.Options(("timeZone", "Europe/London")));
        var resolved = tickets.Field("Resolved", "checkbox", SampleCells.Options(("icon", "check"), ("color", "greenBright")));
        var satisfaction = tickets.Field("Satisfaction", "rating", SampleCells.Options(("max", 5), ("icon", "heart"), ("color", "redBright")));
        var responseTime = tickets.Field("First response", "duration", SampleCells.Options(("durationFormat", "h:mm:ss")));
        var number = tickets.Field("Ticket #", "autoNumber");
        var customerPlan = tickets.Field("Customer plan", "multipleLookupValues", SampleCells.Options(
            ("recordLinkFieldId", customer.Id), ("fieldIdInLinkedTable", plan.Id), ("isValid", true), ("result", new JsonObject { ["type"] = "singleSelect" })));
        var planOf = customerIds.ToDictionary(id => id, id => customers.Data.Records[id].Cells[plan.Id].GetValue<string>());
        for (var i = 0; i < 120; i++)
        {
            var linked = g.Chance(0.9) ? g.Pick(customerIds) : null;
            var isResolved = g.Chance(0.6);
            tickets.Record(tickets.NewRecordId(), cells.TimeBefore(anchor, 90), g.Chance(0.7) ? cells.TimeBefore(anchor, 5) : null,
            [
                (subject, $"Customer says: {g.Pick(Topics)}"),
                (description, g.Chance(0.8) ? $"Hello,\n\nSince yesterday the {g.Pick(Topics)}.\n\nThanks" : null),
                (customer, linked is null ? null : new JsonArray(linked)),
                (priority, g.Pick(Priorities)),
                (channel, g.Pick(Channels)),
                (agent, g.Chance(0.8) ? cells.AnyCollaborator() : null),
                (opened, SampleCells.Time(cells.TimeBefore(anchor, 90))),
                (resolved, isResolved),
                (satisfaction, isResolved && g.Chance(0.6) ? g.Random.Next(1, 6) : null),
                (responseTime, g.Chance(0.8) ? g.Random.Next(60, 86_400) : null),
                (number, i + 1),
                (customerPlan, linked is null ? null : new JsonArray(planOf[linked])),
            ]);
        }
        BuildZendeskSync(g, cells, data, anchor);
        return data;
    }

    // A synced table's source column is an externalSyncSource field (docs/airtable/public-api.md §2.3).
    private static void BuildZendeskSync(GeneratedWorkspace g, SampleCells cells, BaseData data, DateTimeOffset anchor)
    {
        var synced = g.NewTable(data, "Zendesk import", "Synced from Zendesk.");
        var subject = synced.Field("Subject", "singleLineText");
        var source = synced.Field("Source", "externalSyncSource", SampleCells.Choices("Zendesk EU", "Zendesk US"));
        var requester = synced.Field("Requester", "email");
        var state = synced.Field("State", "singleSelect", SampleCells.Choices("new", "open", "pending", "solved"));
        for (var i = 0; i < 30; i++)
        {
            synced.Record(synced.NewRecordId(), cells.TimeBefore(anchor, 30), null,
            [
                (subject, $"ZD-{4000 + i}: {g.Pick(Topics)}"),
                (source, i % 3 == 0 ? "Zendesk US" : "Zendesk EU"),
                (requester, $"user{i}@customer.example"),
                (state, g.Pick((string[])["new", "open", "pending", "solved"])),
            ]);
        }
    }

    public static BaseData BuildMarketing(GeneratedWorkspace g, SampleCells cells, DateTimeOffset anchor)
    {
        var data = g.NewBase("Marketing Calendar", "read");
        var campaigns = g.NewTable(data, "Campaigns");
        var name = campaigns.Field("Name", "singleLineText");
        var channel = campaigns.Field("Channel", "multipleSelects", SampleCells.Choices("Newsletter", "Blog", "Social", "Ads", "Events"));
        var launch = campaigns.Field("Launch", "date");
        var budget = campaigns.Field("Budget", "currency", SampleCells.Options(("precision", 2), ("symbol", "$")));
        var conversion = campaigns.Field("Conversion", "percent", SampleCells.Options(("precision", 1)));
        var landing = campaigns.Field("Landing page", "url");
        var owners = campaigns.Field("Owners", "multipleCollaborators");
        var brief = campaigns.Field("Brief", "richText");
        campaigns.View("Calendar", "calendar");
        for (var i = 0; i < 25; i++)
        {
            if (i % 12 == 11)
            {
                // No cells at all: Airtable answers "fields": {} (docs/airtable/public-api.md §3.1).
                campaigns.Record(campaigns.NewRecordId(), cells.TimeBefore(anchor, 120), null, []);
                continue;
            }
            campaigns.Record(campaigns.NewRecordId(), cells.TimeBefore(anchor, 120), g.Chance(0.5) ? cells.TimeBefore(anchor, 10) : null,
            [
                (name, $"Campaign {i + 1}"),
                (channel, cells.SomeChoices(["Newsletter", "Blog", "Social", "Ads", "Events"], 2)),
                (launch, SampleCells.Date(cells.TimeAround(anchor, 60))),
                (budget, g.Chance(0.7) ? Math.Round(g.Random.NextDouble() * 20_000, 2) : null),
                (conversion, g.Chance(0.5) ? Math.Round(g.Random.NextDouble() * 0.2, 3) : null),
                (landing, g.Chance(0.6) ? $"https://www.example.com/campaigns/{i + 1}" : null),
                (owners, cells.SomeCollaborators(3)),
                (brief, g.Chance(0.5) ? "**Audience**: developers\n\n_Tone_: friendly" : null),
            ]);
        }
        return data;
    }
}
