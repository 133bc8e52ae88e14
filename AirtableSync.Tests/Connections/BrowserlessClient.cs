using System.Net;

namespace AirtableSync.Tests.Connections;

/// <summary>What a browser does in the OAuth dance, over real HTTP: keeps cookies, shows each redirect instead of following it.</summary>
public sealed class BrowserlessClient : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken) => await _http.GetAsync(url, cancellationToken);

    public async Task<HttpResponseMessage> PostFormAsync(Uri url, Dictionary<string, string> fields, CancellationToken cancellationToken) =>
        await _http.PostAsync(url, new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>The Location of a redirect, resolved against the request URL.</summary>
    public static Uri RedirectOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect,
            $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location ?? throw new InvalidOperationException("redirect without Location");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? throw new InvalidOperationException("no request"), location);
    }

    public void Dispose() => _http.Dispose();
}
