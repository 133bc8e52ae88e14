using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// Shape of a synthetic workspace. Fields cycle through text, number, checkbox, date, dateTime, single select,
/// long text, email, currency and rating; <paramref name="EmptyCellRatio"/> of the cells are left empty.
/// Record created times are spread over the 30 days before <see cref="SampleWorkspaceGenerator.SampleAnchor"/>.
/// </summary>
public sealed record SyntheticWorkspaceSpec(
    int Bases,
    int TablesPerBase,
    int RecordsPerTable,
    int FieldsPerTable = 8,
    int Seed = 1,
    double EmptyCellRatio = 0.1,
    string PermissionLevel = "create");

internal static class SyntheticWorkspace
{
    private static readonly string[] Types =
        ["singleLineText", "number", "checkbox", "date", "dateTime", "singleSelect", "multilineText", "email", "currency", "rating"];

    private static readonly string[] Choices = ["Red", "Green", "Blue", "Yellow"];

    public static IReadOnlyList<FakeBase> Add(FakeWorkspace workspace, SyntheticWorkspaceSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.FieldsPerTable, 1);
        var g = new GeneratedWorkspace(spec.Seed);
        var result = new List<FakeBase>();
        for (var b = 0; b < spec.Bases; b++)
        {
            var data = g.NewBase($"Synthetic base {b + 1}", spec.PermissionLevel);
            for (var t = 0; t < spec.TablesPerBase; t++)
            {
                var table = g.NewTable(data, $"Table {t + 1}");
                var fields = Enumerable.Range(0, spec.FieldsPerTable).Select(f => AddField(table, f)).ToArray();
                table.View("Grid view");
                for (var r = 0; r < spec.RecordsPerTable; r++)
                {
                    var created = SampleWorkspaceGenerator.SampleAnchor - TimeSpan.FromSeconds(g.Random.Next(0, 30 * 86_400));
                    table.Record(table.NewRecordId(), created, null, fields.Select((f, i) => (f, Cell(g, f, i, r, spec.EmptyCellRatio))));
                }
            }
            workspace.AddGeneratedBase(data);
            result.Add(data.ToSnapshot());
        }
        return result;
    }

    private static FakeField AddField(GeneratedTable table, int index)
    {
        var type = Types[index % Types.Length];
        JsonObject? options = type switch
        {
            "number" or "currency" => SampleCells.Options(("precision", 2)),
            "singleSelect" => SampleCells.Choices(Choices),
            "rating" => SampleCells.Options(("max", 5)),
            _ => null,
        };
        return table.Field(index == 0 ? "Name" : $"Field {index + 1} ({type})", type, options);
    }

    private static JsonNode? Cell(GeneratedWorkspace g, FakeField field, int index, int row, double emptyRatio)
    {
        if (index == 0)
        {
            return $"Record {row + 1}";
        }
        if (g.Random.NextDouble() < emptyRatio)
        {
            return null;
        }
        var n = g.Random.Next();
        return field.Type switch
        {
            "singleLineText" => $"Text {n % 100_000}",
            "number" => n % 10_000 / 100.0,
            "checkbox" => n % 2 == 0,
            "date" => SampleCells.Date(SampleWorkspaceGenerator.SampleAnchor.AddDays(n % 365)),
            "dateTime" => SampleCells.Time(SampleWorkspaceGenerator.SampleAnchor.AddSeconds(n % 10_000_000)),
            "singleSelect" => Choices[n % Choices.Length],
            "multilineText" => $"Line {n % 97}\nLine {n % 89}",
            "email" => $"person{n % 5000}@example.com",
            "currency" => n % 1_000_000 / 100.0,
            _ => n % 5 + 1,
        };
    }
}
