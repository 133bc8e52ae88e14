using System.Net;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Security;

public sealed class AntiforgeryTests
{
    private const string AdminUserName = "forms-admin@example.com";
    private const string AdminPassword = "forms-admin-password-0001";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFormPostedToAPageWithoutTheAntiforgeryTokenIsRefused()
    {
        var logs = new Connections.CapturingLoggerProvider();
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdmin:UserName"] = AdminUserName,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        app.StartServer();
        // Signed in, so that the page itself would take the post: only the missing token may stop it.
        using var client = await AppSignIn.SignedInClientAsync(app.ClientOptions.BaseAddress, AdminUserName, AdminPassword);
        var before = logs.Lines.Count;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "connect", ["token"] = "patForged0000001.x" });

        using var response = await client.PostAsync("/connect", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Blazor answers 400 for other reasons too (no form handler named); its log says which one it was.
        Assert.Contains(logs.Lines.Skip(before), l => l.Contains("antiforgery middleware already failed to validate", StringComparison.Ordinal));
    }
}
