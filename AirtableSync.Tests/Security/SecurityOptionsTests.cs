using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Security;

public sealed class SecurityOptionsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Security:ReferrerPolicy", "unsafe-url", "ReferrerPolicy")]
    [InlineData("Security:FormActionOrigins:0", "https://airtable.com/oauth2/v1/authorize", "FormActionOrigins")]
    [InlineData("Security:FormActionOrigins:0", "javascript:alert(1)", "FormActionOrigins")]
    [InlineData("Security:MaxRequestBodyBytes", "10", "MaxRequestBodyBytes")]
    [InlineData("Security:MaxApiRequestBodyBytes", "2097152", "MaxApiRequestBodyBytes")]
    public async Task AnInvalidSettingStopsTheAppAtStartWithItsName(string key, string value, string named)
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.StartServer());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredFormActionOriginsAndReferrerPolicyReachTheHeaders()
    {
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Security:FormActionOrigins:0"] = "https://airtable.com",
            ["Security:ReferrerPolicy"] = "strict-origin-when-cross-origin",
        });
        app.StartServer();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/app.css", Ct);

        Assert.Contains("form-action 'self' https://airtable.com;", SecurityHeadersTests.Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", SecurityHeadersTests.Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task TheConfiguredHubMessageLimitReachesTheBlazorCircuit()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Security:MaxHubMessageBytes"] = "65536" });
        app.StartServer();

        Assert.Equal(65536, RequestSizeLimitTests.CircuitHubMaximumReceiveMessageSize(app.Services));
    }
}
