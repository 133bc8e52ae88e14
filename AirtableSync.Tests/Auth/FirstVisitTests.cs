using System.Net;
using System.Text.RegularExpressions;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Auth;

// What a newcomer's first minutes show, with the app's own settings files: an icon on every page, the admin's
// first sign-in recorded, and a log that is quiet unless asked.
public sealed partial class FirstVisitTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [GeneratedRegex("""<link rel="icon"[^>]* href="(?<href>[^"]+)"\s*/?>""")]
    private static partial Regex IconLink();

    [Fact]
    public async Task EveryPageNamesAnIconThatIsServedToAnonymousVisitors()
    {
        await using var app = await AuthApp.StartAsync();
        using var anonymous = app.NewClient();
        using var signedIn = await app.SignedInClientAsync(AuthApp.AdminName, AuthApp.AdminPassword);

        var login = await anonymous.GetStringAsync("/account/login", Token);
        var bases = await signedIn.GetStringAsync("/bases", Token);

        var href = IconLink().Match(login).Groups["href"].Value;
        Assert.StartsWith("favicon", href, StringComparison.Ordinal);
        Assert.Equal(href, IconLink().Match(bases).Groups["href"].Value);
        using var icon = await anonymous.GetAsync("/" + href, Token);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstAdminIsSignedInAtSetupAndTheUsersPageKnowsWhen()
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();

        using var created = await AppSignIn.PostFormAsync(client, "/setup",
            new() { ["Input.UserName"] = "first@example.com", ["Input.Password"] = "long-enough-password", ["Input.Confirm"] = "long-enough-password" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(await app.Store.ListUsersAsync(Token)).LastSignInAt);
    }

    [Theory]
    [InlineData("System.Net.Http.HttpClient.AirtableApiClient.LogicalHandler", false)]
    [InlineData("System.Net.Http.HttpClient.AirtableRevisionClient.ClientHandler", false)]
    [InlineData("Polly", false)]
    [InlineData("AirtableSync.Sync.SyncRun", true)]
    [InlineData("AirtableSync.Jobs.JobRunner", true)]
    public async Task PerRequestClientLinesStayOutOfTheLogUnlessAskedWhileTheAppsOwnStayIn(string category, bool information)
    {
        await using var app = await AuthApp.StartAsync();

        var logger = app.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.Equal(information, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task ToastsFadeOnTheirOwnAwayFromThePagesActions()
    {
        await using var app = await AuthApp.StartAsync();
        // What MudBlazor's snackbar service is built with in every circuit.
        var toasts = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MudBlazor.SnackbarConfiguration>>().Value;

        Assert.Equal(MudBlazor.Defaults.Classes.Position.BottomLeft, toasts.PositionClass);
        Assert.False(toasts.RequireInteraction);
        Assert.InRange(toasts.VisibleStateDuration, 1000, 5000);
    }
}
