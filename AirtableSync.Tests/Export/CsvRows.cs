using System.Text;

namespace AirtableSync.Tests.Export;

/// <summary>An RFC 4180 reader for the tests, so they check what a spreadsheet would read, not the writer's own view.</summary>
internal static class CsvRows
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else { cell.Append(c); }
        }
        Assert.True(cell.Length == 0 && row.Count == 0 && !quoted, "the CSV must end with CRLF after a complete row");
        return rows;
    }
}
