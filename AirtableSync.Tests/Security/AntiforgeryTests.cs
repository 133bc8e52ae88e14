using System.Net;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Security;

public sealed class AntiforgeryTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFormPostedToAPageWithoutTheAntiforgeryTokenIsRefused()
    {
        var logs = new Connections.CapturingLoggerProvider();
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        app.StartServer();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "connect", ["token"] = "patForged0000001.x" });

        using var response = await client.PostAsync("/connect", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Blazor answers 400 for other reasons too (no form handler named); its log says which one it was.
        Assert.Contains(logs.Lines, l => l.Contains("antiforgery middleware already failed to validate", StringComparison.Ordinal));
    }
}
