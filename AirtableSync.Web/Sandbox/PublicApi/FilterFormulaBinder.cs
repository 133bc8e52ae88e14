using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// Accepts exactly the filterByFormula forms a sync needs (docs/airtable/public-api.md §3.6); anything else is 422
// INVALID_FILTER_BY_FORMULA: a real formula the fake does not know is refused, never treated as "match all".
//   condition := AND(condition, …) | OR(condition, …) | NOT(condition)
//              | IS_AFTER(time, time) | IS_BEFORE(time, time) | time op time       op ∈ = != < > <= >=
//              | RECORD_ID() (= | !=) 'text'
//              | REGEX_MATCH(RECORD_ID(), 'pattern')  Airtable's regexes are RE2; the fake runs .NET's on simple patterns
//              | {field} (= | !=) 'text'              text of the cell; an empty cell equals ''
//              | {field} op number                   numeric cells only
//   time      := LAST_MODIFIED_TIME() | CREATED_TIME() | 'ISO-8601' | DATETIME_PARSE('ISO-8601')
//              | {field of type date, dateTime, createdTime or lastModifiedTime}
// Either side of a comparison may come first. An empty time (LAST_MODIFIED_TIME() of a never-edited record) makes every
// time test false. {field} takes a name or a fld id (docs/airtable/public-api.md §3.1); an unknown field is 422.
internal sealed class FilterFormulaBinder(FakeTable table, bool lastModifiedEmptyUntilEdit)
{
    private static readonly string[] TimeFieldTypes = ["date", "dateTime", "createdTime", "lastModifiedTime"];

    public static Func<FakeRecord, bool> Compile(string formula, FakeTable table, bool lastModifiedEmptyUntilEdit) =>
        new FilterFormulaBinder(table, lastModifiedEmptyUntilEdit).Condition(FilterFormulaParser.Parse(formula));

    private Func<FakeRecord, bool> Condition(FormulaNode node) => node switch
    {
        FormulaCall { Name: "AND" } all => And([.. Conditions(all)]),
        FormulaCall { Name: "OR" } any => Or([.. Conditions(any)]),
        FormulaCall { Name: "NOT", Arguments: [var inner] } => Not(Condition(inner)),
        FormulaCall { Name: "IS_AFTER", Arguments: [var a, var b] } => TimeTest(">", Time(a), Time(b)),
        FormulaCall { Name: "IS_BEFORE", Arguments: [var a, var b] } => TimeTest("<", Time(a), Time(b)),
        FormulaCall { Name: "REGEX_MATCH", Arguments: [FormulaCall { Name: "RECORD_ID", Arguments: [] }, FormulaText pattern] } => RecordIdMatches(pattern.Value),
        FormulaComparison comparison => Comparison(comparison),
        _ => throw PublicApiError.InvalidFilter($"the fake Airtable does not support {Describe(node)}."),
    };

    private IEnumerable<Func<FakeRecord, bool>> Conditions(FormulaCall call) => call.Arguments.Count > 0
        ? call.Arguments.Select(Condition)
        : throw PublicApiError.InvalidFilter($"{call.Name} needs at least one argument.");

    private static Func<FakeRecord, bool> RecordIdMatches(string pattern)
    {
        System.Text.RegularExpressions.Regex regex;
        try
        {
            regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw PublicApiError.InvalidFilter($"'{pattern}' is not a valid regular expression.");
        }
        return r => regex.IsMatch(r.Id);
    }

    private static Func<FakeRecord, bool> And(Func<FakeRecord, bool>[] parts) => r => Array.TrueForAll(parts, p => p(r));

    private static Func<FakeRecord, bool> Or(Func<FakeRecord, bool>[] parts) => r => Array.Exists(parts, p => p(r));

    private static Func<FakeRecord, bool> Not(Func<FakeRecord, bool> inner) => r => !inner(r);

    private Func<FakeRecord, bool> Comparison(FormulaComparison c)
    {
        if (IsTime(c.Left) || IsTime(c.Right))
        {
            return TimeTest(c.Operator, Time(c.Left), Time(c.Right));
        }
        return (c.Left, c.Right) switch
        {
            (FormulaCall { Name: "RECORD_ID", Arguments: [] }, FormulaText t) => TextTest(c.Operator, r => r.Id, t.Value),
            (FormulaText t, FormulaCall { Name: "RECORD_ID", Arguments: [] }) => TextTest(c.Operator, r => r.Id, t.Value),
            (FormulaFieldRef f, FormulaText t) => TextTest(c.Operator, CellText(Field(f)), t.Value),
            (FormulaText t, FormulaFieldRef f) => TextTest(c.Operator, CellText(Field(f)), t.Value),
            (FormulaFieldRef f, FormulaNumber n) => NumberTest(c.Operator, CellNumber(Field(f)), n.Value),
            (FormulaNumber n, FormulaFieldRef f) => NumberTest(Mirror(c.Operator), CellNumber(Field(f)), n.Value),
            _ => throw PublicApiError.InvalidFilter($"the fake Airtable does not support comparing {Describe(c.Left)} with {Describe(c.Right)}."),
        };
    }

    private bool IsTime(FormulaNode node) => node switch
    {
        FormulaCall { Name: "LAST_MODIFIED_TIME" or "CREATED_TIME" or "DATETIME_PARSE" } => true,
        FormulaFieldRef f => TimeFieldTypes.Contains(Field(f).Type),
        _ => false,
    };

    private Func<FakeRecord, DateTimeOffset?> Time(FormulaNode node)
    {
        switch (node)
        {
            case FormulaCall { Name: "LAST_MODIFIED_TIME", Arguments: [] }:
                return LastModified;
            case FormulaCall { Name: "CREATED_TIME", Arguments: [] }:
                return r => r.CreatedTime;
            case FormulaCall { Name: "DATETIME_PARSE", Arguments: [FormulaText parsed] }:
                var parsedInstant = ParseInstant(parsed.Value);
                return _ => parsedInstant;
            case FormulaText text:
                var instant = ParseInstant(text.Value);
                return _ => instant;
            case FormulaFieldRef f when Field(f) is var field && TimeFieldTypes.Contains(field.Type):
                return field.Type switch
                {
                    "createdTime" => r => r.CreatedTime,
                    "lastModifiedTime" => LastModified,
                    _ => r => r.Cells.TryGetValue(field.Id, out var cell) && cell.GetValueKind() == JsonValueKind.String
                        ? ParseInstant(cell.GetValue<string>())
                        : null,
                };
            default:
                throw PublicApiError.InvalidFilter($"{Describe(node)} is not a time the fake Airtable can compare.");
        }
    }

    private DateTimeOffset? LastModified(FakeRecord r) => r.LastModifiedTime ?? (lastModifiedEmptyUntilEdit ? null : r.CreatedTime);

    private static Func<FakeRecord, bool> TimeTest(string op, Func<FakeRecord, DateTimeOffset?> left, Func<FakeRecord, DateTimeOffset?> right) =>
        r => left(r) is { } a && right(r) is { } b && Compare(op, a.CompareTo(b));

    private static Func<FakeRecord, bool> TextTest(string op, Func<FakeRecord, string> value, string expected) => op switch
    {
        "=" => r => string.Equals(value(r), expected, StringComparison.Ordinal),
        "!=" => r => !string.Equals(value(r), expected, StringComparison.Ordinal),
        _ => throw PublicApiError.InvalidFilter($"the fake Airtable compares text only with = and !=, not {op}."),
    };

    private static Func<FakeRecord, bool> NumberTest(string op, Func<FakeRecord, double?> value, double expected) =>
        r => value(r) is { } v && Compare(op, v.CompareTo(expected));

    private static bool Compare(string op, int order) => op switch
    {
        "=" => order == 0,
        "!=" => order != 0,
        "<" => order < 0,
        ">" => order > 0,
        "<=" => order <= 0,
        _ => order >= 0,
    };

    private static string Mirror(string op) => op switch { "<" => ">", ">" => "<", "<=" => ">=", ">=" => "<=", _ => op };

    private static Func<FakeRecord, string> CellText(FakeField field) => r => r.Cells.TryGetValue(field.Id, out var cell)
        ? cell.GetValueKind() == JsonValueKind.String ? cell.GetValue<string>() : cell.ToJsonString()
        : "";

    private static Func<FakeRecord, double?> CellNumber(FakeField field) => r => FakeCells.AsNumber(r.Cells.GetValueOrDefault(field.Id));

    private FakeField Field(FormulaFieldRef reference) =>
        table.Fields.FirstOrDefault(f => f.Id == reference.Name) ?? table.Fields.FirstOrDefault(f => f.Name == reference.Name)
        ?? throw PublicApiError.InvalidFilter($"Unknown field names: {reference.Name}");

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw PublicApiError.InvalidFilter($"'{text}' is not an ISO-8601 time.");

    private static string Describe(FormulaNode node) => node switch
    {
        FormulaCall call => call.Name + "()",
        FormulaFieldRef f => "{" + f.Name + "}",
        FormulaText t => "'" + t.Value + "'",
        FormulaNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        FormulaComparison c => "a comparison with " + c.Operator,
        _ => "this expression",
    };
}
