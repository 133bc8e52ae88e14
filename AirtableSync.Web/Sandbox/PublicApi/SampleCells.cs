using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// Cell and option shapes of docs/airtable/public-api.md §2.3, from the generator's random source.
internal sealed class SampleCells(GeneratedWorkspace g, FakeUserDirectory users)
{
    public static JsonObject Choices(params string[] names)
    {
        string[] colors = ["blueLight2", "cyanLight2", "tealLight2", "greenLight2", "yellowLight2", "orangeLight2", "redLight2", "purpleLight2"];
        var choices = new JsonArray();
        for (var i = 0; i < names.Length; i++)
        {
            choices.Add(new JsonObject { ["id"] = "sel" + StableSuffix(names[i]), ["name"] = names[i], ["color"] = colors[i % colors.Length] });
        }
        return new JsonObject { ["choices"] = choices };
    }

    public static JsonObject Options(params (string Key, JsonNode? Value)[] pairs)
    {
        var options = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            options[key] = value;
        }
        return options;
    }

    public static JsonObject Collaborator(FakeUser user) => new() { ["id"] = user.Id, ["email"] = user.Email, ["name"] = user.Name };

    public JsonObject AnyCollaborator() => Collaborator(g.Pick(users.Collaborators));

    public JsonArray SomeCollaborators(int max)
    {
        var picked = users.Collaborators.OrderBy(_ => g.Random.Next()).Take(g.Random.Next(0, max + 1));
        return [.. picked.Select(u => (JsonNode)Collaborator(u))];
    }

    public JsonArray SomeChoices(string[] names, int max) =>
        [.. names.OrderBy(_ => g.Random.Next()).Take(g.Random.Next(0, max + 1)).Select(n => (JsonNode)JsonValue.Create(n))];

    public JsonArray Attachments(int max, string stem)
    {
        var result = new JsonArray();
        var count = g.Random.Next(0, max + 1);
        for (var i = 0; i < count; i++)
        {
            var id = g.Ids.Next("att");
            var (width, height) = (g.Random.Next(200, 2000), g.Random.Next(200, 2000));
            var url = $"https://v5.airtableusercontent.com/v3/u/sample/{id}/{stem}-{i + 1}.png";
            result.Add(new JsonObject
            {
                ["id"] = id,
                ["url"] = url,
                ["filename"] = $"{stem}-{i + 1}.png",
                ["size"] = g.Random.Next(10_000, 2_000_000),
                ["type"] = "image/png",
                ["width"] = width,
                ["height"] = height,
                ["thumbnails"] = new JsonObject
                {
                    ["small"] = Thumbnail(url, "small", 36 * width / height, 36),
                    ["large"] = Thumbnail(url, "large", 512 * width / height, 512),
                    ["full"] = Thumbnail(url, "full", width, height),
                },
            });
        }
        return result;
    }

    public DateTimeOffset TimeBefore(DateTimeOffset anchor, int maxDays) =>
        anchor - TimeSpan.FromMinutes(g.Random.Next(0, maxDays * 24 * 60));

    // Whole seconds, like times a person enters.
    public DateTimeOffset TimeAround(DateTimeOffset anchor, int days) =>
        anchor + TimeSpan.FromSeconds(g.Random.Next(-days * 86_400, days * 86_400));

    public static JsonValue Time(DateTimeOffset time) => JsonValue.Create(FakeCells.FormatTime(time));

    public static JsonValue Date(DateTimeOffset time) => JsonValue.Create(FakeCells.FormatDate(time));

    public string Sentence(string[] words, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, g.Random.Next(min, max + 1)).Select(_ => g.Pick(words)));

    private static JsonObject Thumbnail(string url, string size, int width, int height) =>
        new() { ["url"] = url.Replace(".png", $"-{size}.png", StringComparison.Ordinal), ["width"] = width, ["height"] = height };

    // Depends only on the name, so choice ids survive regeneration.
    private static string StableSuffix(string name)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[(int)(hash % (ulong)alphabet.Length)];
            hash = hash / (ulong)alphabet.Length ^ (hash << 7) * 31;
        }
        return new string(chars);
    }
}
