using System.Text;

namespace AirtableSync.Web.Components.Pages.Records.Export;

/// <summary>Writes CSV lines as RFC 4180 reads them, with cells neutralised against CSV (formula) injection.</summary>
public static class CsvText
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
    /// A cell a spreadsheet shows as text: a leading formula character gets a <c>'</c> in front (so a negative
    /// number reads <c>'-5</c>; OWASP accepts that cost), and a cell with a comma, quote or line break is quoted
    /// with its quotes doubled.
    /// </summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
