namespace AirtableSync.Tests.WebSession;

public class ChromiumLauncherTests
{
    [Fact]
    public async Task LaunchedChromiumHidesAutomationMarkersAndUsesAPersistentProfile()
    {
        await using var harness = await WebLoginHarness.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var browser = await harness.Launcher.LaunchAsync(harness.Options.ConnectionId))
        {
            Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"Driver + Chromium launch on a persistent profile: {clock.Elapsed.TotalSeconds:0.0} s");
            await browser.Page.GotoAsync(new Uri(harness.Fake.BaseUrl, "/login").ToString());

            Assert.False(await browser.Page.EvaluateAsync<bool>("() => navigator.webdriver === true"));
            var pageUserAgent = await browser.Page.EvaluateAsync<string>("() => navigator.userAgent");
            Assert.Equal(browser.UserAgent, pageUserAgent);
            Assert.DoesNotContain("Headless", pageUserAgent, StringComparison.Ordinal);
            Assert.NotEmpty(ChromiumProcesses.Using(harness.ProfileDirectory));
        }

        Assert.True(File.Exists(Path.Combine(harness.ProfileDirectory, "Local State")));
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }
}
