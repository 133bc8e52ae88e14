using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

// RecordCondition's rules as WHERE terms over fields_json (MongoRecordDocuments.Condition builds the same for
// MongoDB). Only field ids, checked alphanumeric, reach the SQL text, and only as bound JSON paths; values are
// bound as one JSON array each and read back with json_each, so no value is ever spliced into SQL.
internal static class SqliteRecordConditions
{
    // GLOB patterns for RecordCondition's date-only and date-time cells.
    private const string Day = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]";

    public static string Sql(RecordCondition condition, int index)
    {
        var p = $"$f{index}";
        var cell = $"json_extract(fields_json, {p}path)";
        var type = $"coalesce(json_type(fields_json, {p}path), 'null')";
        switch (condition)
        {
            case AnyValueCondition any:
                if (any.MatchesNothing)
                {
                    return "0";
                }
                var values = $"(SELECT value FROM json_each({p}values))";
                var match = any.Match == CellMatch.Name
                    ? $"({type} IN ('text', 'array') AND EXISTS (SELECT 1 FROM json_each(fields_json, {p}path) AS cell WHERE cell.type = 'text' AND cell.value IN {values}))"
                    : $"""
                      (CASE {type}
                          WHEN 'object' THEN coalesce(json_extract(fields_json, {p}idPath) IN {values}, 0)
                          WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(fields_json, {p}path) AS cell
                              WHERE cell.type = 'object' AND json_extract(cell.value, '$.id') IN {values})
                          ELSE 0 END)
                      """;
                // Absent, null, "" and [] are blank, as for sorting.
                var blank = $"(CASE {type} WHEN 'null' THEN 1 WHEN 'text' THEN {cell} = '' WHEN 'array' THEN json_array_length(fields_json, {p}path) = 0 ELSE 0 END)";
                return (any.Values.Count, any.IncludeBlank) switch
                {
                    (0, _) => blank,
                    (_, true) => $"({match} OR {blank})",
                    _ => match,
                };
            case DayRangeCondition range:
                var days = Between(cell, range.FromDay is null ? null : $"{p}fromDay", "<=", range.ToDay is null ? null : $"{p}toDay");
                var instants = Between(cell, range.FromInstant is null ? null : $"{p}fromInstant", "<", range.BeforeInstant is null ? null : $"{p}beforeInstant");
                return $"""
                    (CASE WHEN {type} <> 'text' THEN 0
                        WHEN {cell} GLOB '{Day}' THEN {days}
                        WHEN {cell} GLOB '{Day}T*' THEN {instants}
                        ELSE 0 END)
                    """;
            default:
                throw new ArgumentException($"No SQL for a {condition.GetType().Name}.", nameof(condition));
        }
    }

    public static void Bind(SqliteCommand command, RecordCondition condition, int index)
    {
        var p = $"$f{index}";
        command.With($"{p}path", $"$.\"{condition.FieldId}\"");
        switch (condition)
        {
            case AnyValueCondition any:
                command.With($"{p}values", StorageJson.Serialize(any.Values));
                if (any.Match == CellMatch.PersonId)
                {
                    command.With($"{p}idPath", $"$.\"{condition.FieldId}\".id");
                }
                break;
            case DayRangeCondition range:
                BindIfSet(command, $"{p}fromDay", range.FromDay);
                BindIfSet(command, $"{p}toDay", range.ToDay);
                BindIfSet(command, $"{p}fromInstant", range.FromInstant);
                BindIfSet(command, $"{p}beforeInstant", range.BeforeInstant);
                break;
        }
    }

    private static void BindIfSet(SqliteCommand command, string name, string? value)
    {
        if (value is not null)
        {
            command.With(name, value);
        }
    }

    // Text comparison with binary collation: both sides are ISO text that orders like the days or instants.
    private static string Between(string cell, string? from, string upperOperator, string? to) =>
        (from, to) switch
        {
            (null, null) => "1",
            ({ } f, null) => $"{cell} >= {f}",
            (null, { } t) => $"{cell} {upperOperator} {t}",
            ({ } f, { } t) => $"({cell} >= {f} AND {cell} {upperOperator} {t})",
        };
}
