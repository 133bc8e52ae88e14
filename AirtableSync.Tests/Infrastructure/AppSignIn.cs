using System.Net;
using System.Text.RegularExpressions;
using AirtableSync.Web.Auth;
using Microsoft.Playwright;

namespace AirtableSync.Tests.Infrastructure;

/// <summary>Signing in to the app as a person does: through the real sign-in form, antiforgery token and all.</summary>
internal static partial class AppSignIn
{
    /// <summary>The name of the app's sign-in cookie (Auth/AuthServiceCollectionExtensions.cs).</summary>
    public const string CookieName = "airtablesync_auth";

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A client with its own cookie jar that never follows redirects, so tests see them.</summary>
    public static HttpClient NewClient(Uri baseUrl, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = baseUrl };

    public static async Task<HttpClient> SignedInClientAsync(Uri baseUrl, string userName, string password)
    {
        var client = NewClient(baseUrl);
        await SignInAsync(client, userName, password);
        return client;
    }

    /// <summary>Posts the sign-in form with the client's own cookie jar, and fails unless the app signed it in.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        using var response = await PostFormAsync(client, AccountPaths.Login, new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
    }

    /// <summary>Loads the form page (for its antiforgery token and handler name) and posts it back with the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(path, Token);
        var form = HiddenInputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(form), Token);
    }

    /// <summary>Signs the page in through the sign-in form in the browser, and waits until the app shows the signed-in user.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync(AccountPaths.Login);
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInputs();
}
