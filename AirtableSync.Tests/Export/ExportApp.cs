using System.Net;
using System.Text;
using AirtableSync.Tests.Auth;

namespace AirtableSync.Tests.Export;

/// <summary>Downloads an export as a signed-in analyst and reads it back.</summary>
internal static class ExportApp
{
    public static string Path(string baseId, string tableId, string query = "") => $"/bases/{baseId}/tables/{tableId}/export.csv{query}";

    public static async Task<(HttpResponseMessage Response, byte[] Bytes, List<List<string>> Rows)> DownloadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Xunit.TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode} {response.Headers.Location}");
        var bytes = await response.Content.ReadAsByteArrayAsync(Xunit.TestContext.Current.CancellationToken);
        var preamble = Encoding.UTF8.Preamble.ToArray();
        Assert.True(bytes.Length >= preamble.Length && bytes.AsSpan(0, preamble.Length).SequenceEqual(preamble), "the file starts with a UTF-8 byte order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, preamble.Length, bytes.Length - preamble.Length);
        return (response, bytes, CsvRows.Parse(text));
    }

    public static Task<HttpClient> AnalystAsync(AuthApp app) => app.SignedInClientAsync(AuthApp.AnalystName, AuthApp.AnalystPassword);
}
