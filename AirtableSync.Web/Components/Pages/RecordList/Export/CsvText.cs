using System.Text;
using System.Text.RegularExpressions;

namespace AirtableSync.Web.Components.Pages.RecordList.Export;

/// <summary>Writes CSV lines as RFC 4180 reads them, with cells neutralised against CSV (formula) injection.</summary>
public static partial class CsvText
{
    /// <summary>What Excel and other spreadsheets treat as the start of a formula (OWASP "CSV Injection").</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>One line, CRLF-terminated as RFC 4180 §2.1 asks.</summary>
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

    /// <summary>
    /// A cell a spreadsheet shows as text: a leading formula character gets a <c>'</c> in front, and a cell with
    /// a comma, quote or line break is quoted with its quotes doubled. A plain negative number (<c>-5</c>,
    /// <c>-0.25</c>, <c>-1E-05</c>) is left as it is: a spreadsheet reads it as a number and it can call nothing,
    /// whereas <c>'-5</c> would turn every negative amount into text.
    /// </summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 && !PlainNegativeNumber().IsMatch(value) ? "'" + value : value;
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    [GeneratedRegex(@"\A-[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNegativeNumber();
}
