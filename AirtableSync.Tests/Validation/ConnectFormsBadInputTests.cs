using AirtableSync.Tests.Ui.Admin;
using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.WebSession;
using Bunit;

namespace AirtableSync.Tests.Validation;

/// <summary>
/// The Connect page's forms with the same bad input as the REST API: the personal access token form and the browser
/// login wizard show the problem on the field, send nothing to Airtable (or the login browser) and store nothing.
/// </summary>
public sealed class ConnectFormsBadInputTests : AdminTestContext
{
    private static string FieldError<T>(IRenderedComponent<T> cut, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent
        ?? throw new InvalidOperationException($"{testId} shows no field error.");

    [Theory]
    [MemberData(nameof(BadInput.TokenCases), MemberType = typeof(BadInput))]
    public async Task ABadTokenIsMarkedOnTheFieldAndNothingIsStored(string name)
    {
        // No fake Airtable: were the token sent, the form would say Airtable could not be reached instead.
        var store = await WireAsync();
        var cut = RenderPage<ConnectPage>();

        InputOf(cut, "pat-input").Change(BadInput.Token(name));
        cut.Find("[data-testid=pat-submit]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("The token ", FieldError(cut, "pat-input").Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=pat-error]"));
        Assert.Empty(cut.FindAll("[data-testid=pat-success]"));
        Assert.DoesNotContain(BadInput.Prefix, FieldError(cut, "pat-input"), StringComparison.Ordinal);
        Assert.Empty(await store.ListConnectionsAsync(Token));
    }

    [Theory]
    [InlineData("ada@exa\r\nmple.com", "pw", "login-email")]
    [InlineData("ada@exa\0mple.com", "pw", "login-email")]
    [InlineData("ada@example.com", "pass\nword", "login-password")]
    [InlineData("ada@example.com", "pass\0word", "login-password")]
    public async Task BadCredentialsAreMarkedOnTheFieldAndNoLoginStarts(string email, string password, string field)
    {
        var store = await WireAsync();
        var cut = RenderPage<BrowserLoginWizard>();

        InputOf(cut, "login-email").Change(email);
        InputOf(cut, "login-password").Change(password);
        cut.Find("[data-testid=login-start]").Click();

        cut.WaitForAssertion(() => Assert.Contains("control character", FieldError(cut, field), StringComparison.Ordinal));
        Assert.Empty(LoginDriver.Calls);
        Assert.Empty(await store.ListConnectionsAsync(Token));
    }

    [Theory]
    [InlineData("12\r\n3456")]
    [InlineData("123\u00e9456")]
    [InlineData("\u0661\u0662\u0663\u0664\u0665\u0666")]
    [InlineData("1234567890123")]
    public async Task ABadCodeIsMarkedOnTheFieldAndIsNotCountedAsAnAttempt(string code)
    {
        await WireAsync();
        var cut = RenderPage<BrowserLoginWizard>();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.").Then(BrowserLoginState.Connected, "Connected.", "usrAdmin0000001");
        InputOf(cut, "login-email").Change("ada@example.com");
        InputOf(cut, "login-password").Change("secret");
        cut.Find("[data-testid=login-start]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));

        InputOf(cut, "login-code-input").Change(code);
        cut.Find("[data-testid=login-submit-code]").Click();

        cut.WaitForAssertion(() => Assert.Contains("4 to 8 digits", FieldError(cut, "login-code-input"), StringComparison.Ordinal));
        Assert.Equal(["start ada@example.com"], LoginDriver.Calls);
        Assert.Empty(cut.FindAll("[data-testid=login-error]"));

        InputOf(cut, "login-code-input").Change("123 456");
        cut.Find("[data-testid=login-submit-code]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-done]")));
        Assert.Equal(["start ada@example.com", $"code {ScriptedLoginDriver.LoginId} 123456"], LoginDriver.Calls);
    }
}
