using System.Text;
using AirtableSync.Airtable;
using AirtableSync.Connections;

namespace AirtableSync.Tests.Connections;

public class SecretsAtRestTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoTokenOrClientSecretAppearsInTheDatabaseFilesOrAnyLogLine()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(
            confidential: true, beforeAppStart: PersonalAccessTokenTests.RegisterAdaToken, cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        Assert.Equal("oauth", ConnectionsTestEnvironment.QueryValue(await env.ConnectWithOAuthAsync(browser, cancellationToken: Ct), "connected"));
        var issued = await env.ReadStoredTokensAsync(Ct);
        env.Time.Advance(TimeSpan.FromMinutes(56));
        await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct);
        var refreshed = await env.ReadStoredTokensAsync(Ct);
        await env.Get<AirtableConnector>().ConnectPersonalAccessTokenAsync(PersonalAccessTokenTests.AdaToken, Ct);
        string[] secrets =
        [
            issued.AccessToken, issued.RefreshToken, refreshed.AccessToken, refreshed.RefreshToken,
            PersonalAccessTokenTests.AdaToken, ConnectionsTestEnvironment.ConfidentialClientSecret,
        ];
        Assert.Equal(1, env.OAuth.RefreshCount);

        var files = Directory.GetFiles(env.Directory, "airtablesync.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Assert.All(secrets, secret => Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret))));
        }
        Assert.NotEmpty(env.Logs.Lines);
        Assert.All(env.Logs.Lines, line => Assert.All(secrets, secret => Assert.DoesNotContain(secret, line, StringComparison.Ordinal)));
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
