using System.Text;
using System.Text.RegularExpressions;

namespace AirtableSync.Web.Components.Pages.RecordList.Export;

// RFC 4180 lines, with cells neutralised against CSV (formula) injection.
public static partial class CsvText
{
    // What Excel and other spreadsheets treat as the start of a formula (OWASP "CSV Injection").
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    // CRLF-terminated as RFC 4180 §2.1 asks.
    public static string Line(IEnumerable<string> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }
            line.Append(Cell(cell));
        }
        return line.Append("\r\n").ToString();
    }

    // A leading formula character gets a ' in front; a comma, quote or line break is quoted, quotes doubled. A plain negative
    // number (-5, -0.25, -1E-05) stays: a spreadsheet reads it as a number, which calls nothing, whereas '-5 would be text.
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 && !PlainNegativeNumber().IsMatch(value) ? "'" + value : value;
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    [GeneratedRegex(@"\A-[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNegativeNumber();
}
