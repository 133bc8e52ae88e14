using System.Globalization;
using AirtableSync.Revisions;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>What a filter can offer for one field: its choices (selects) or the people in its cells (collaborators).</summary>
public sealed record FilterOption(string Value, string Label);

// The words of the filter bar: which fields take which filter, what each filter says on its chip.
public static class RecordFilterText
{
    public const string EmptyLabel = "(empty)";

    public static bool IsFilterable(FieldSchema field) =>
        !field.IsRemoved && field.Type is { } type && (ValueFilter.FieldTypes.Contains(type) || DateRangeFilter.FieldTypes.Contains(type));

    public static bool TakesDates(FieldSchema field) => field.Type is { } type && DateRangeFilter.FieldTypes.Contains(type);

    public static bool TakesPeople(FieldSchema field) => field.Type is "singleCollaborator" or "multipleCollaborators";

    /// <summary>A select field's options, in the schema's order (Airtable's).</summary>
    public static IReadOnlyList<FilterOption> Choices(FieldSchema field) =>
        [.. SchemaChoice.FromOptions(field.OptionsJson).Where(c => c.Name is { Length: > 0 }).Select(c => new FilterOption(c.Name!, c.Name!)).DistinctBy(o => o.Value)];

    public static IReadOnlyList<FilterOption> People(IEnumerable<CellPerson> people) =>
        [.. people.Select(p => new FilterOption(p.Id, p.Name ?? p.Email ?? p.Id))];

    /// <summary>"Status: Todo or Doing", "Assignee: Ada or (empty)", "Due: 1 Oct 2025 – 31 Oct 2025", "Due: from 1 Oct 2025".</summary>
    public static string Chip(FieldSchema field, RecordFilter filter, IReadOnlyList<FilterOption> options, CultureInfo culture) => filter switch
    {
        ValueFilter values => $"{field.Name}: {string.Join(" or ", values.Values.Select(v => options.FirstOrDefault(o => o.Value == v)?.Label ?? v).Concat(values.IncludeBlank ? [EmptyLabel] : []))}",
        DateRangeFilter { From: { } from, To: { } to } => $"{field.Name}: {Day(from, culture)} – {Day(to, culture)}",
        DateRangeFilter { From: { } from } => $"{field.Name}: from {Day(from, culture)}",
        DateRangeFilter { To: { } to } => $"{field.Name}: until {Day(to, culture)}",
        _ => field.Name,
    };

    private static string Day(DateOnly day, CultureInfo culture) => day.ToString("d", culture);
}
