using System.Text.RegularExpressions;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// Long text carries mentions as markup, <airtable:mention id="men…">@Ada</airtable:mention>
// (docs/airtable/public-api.md §2.3); people read "@Ada". The tag's own text is the name Airtable shows.
public static partial class MentionText
{
    public static string Readable(string text) =>
        text.Contains("<airtable:mention", StringComparison.Ordinal) ? Mention().Replace(text, m => m.Groups["name"].Value is { Length: > 0 } name ? name : "@someone") : text;

    [GeneratedRegex("""<airtable:mention\b[^>]*>(?<name>.*?)</airtable:mention>""", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
