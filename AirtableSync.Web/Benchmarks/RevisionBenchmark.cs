using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AirtableSync.Jobs;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sync;
using AirtableSync.WebSession;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Benchmarks;

// 2,000 records against the internal endpoint at 4 requests/s per base with 300 ms latency, then an incremental
// re-run after 5% of the records changed. The ceiling is one record per request.
public static class RevisionBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var quick = args.Contains("--quick");
        var records = quick ? 200 : 2_000;
        const double ceiling = 4;
        await using var fake = await FakeAirtableServer.StartAsync(new FakeAirtableOptions
        {
            SeedSampleWorkspace = false,
            RevisionRequestsPerSecondPerBase = 5,
            Latency = TimeSpan.FromMilliseconds(quick ? 50 : 300),
            RequestsPerSecondPerBase = 5,
        }, cancellationToken: cancellationToken);
        var @base = SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, new SyntheticWorkspaceSpec(1, 1, records, FieldsPerTable: 6))[0];
        var user = BenchmarkToken.AddTo(fake);

        using var app = await BenchmarkHost.StartAsync(fake.BaseUrl, new Dictionary<string, string?>
        {
            ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
            ["Revisions:RequestsPerSecondPerBase"] = ceiling.ToString(CultureInfo.InvariantCulture),
        }, services =>
        {
            services.AddWebSession();
            services.AddRevisions();
        }, cancellationToken);
        var host = app.Host;
        await SignInAsync(host, fake, user, cancellationToken);
        await BenchmarkJobs.RunAsync(host, JobKind.FullSync, new SyncRequest(), cancellationToken);

        output.WriteLine($"Revision benchmark: {records:N0} records, internal endpoint at {ceiling} requests/s per base (fake allows 5), {fake.State.Options.Latency.TotalMilliseconds} ms latency.");
        output.WriteLine($"Ceiling: {ceiling} records/s (one request per record history).");
        output.WriteLine();
        var full = await MeasureAsync(host, fake, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full:        {records:N0} records in {full.Seconds:F1} s = {records / full.Seconds:F2} records/s, {full.Requests} requests, {full.Throttled} throttled; ratio to ceiling {records / full.Seconds / ceiling:P1}"));

        var table = fake.State.Workspace.GetTables(@base.Id)[0];
        var text = table.Fields.First(f => f.Type == "singleLineText");
        foreach (var record in fake.State.Workspace.GetRecords(@base.Id, table.Id).Take(records / 20))
        {
            fake.State.Workspace.UpdateRecord(@base.Id, table.Id, record.Id, new Dictionary<string, JsonNode?> { [text.Id] = JsonValue.Create("changed") });
        }
        await BenchmarkJobs.RunAsync(host, JobKind.IncrementalSync, new SyncRequest(), cancellationToken);
        var incremental = await MeasureAsync(host, fake, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Incremental: 5% changed ({records / 20:N0} records): {incremental.Requests} requests in {incremental.Seconds:F1} s = {(double)incremental.Requests / full.Requests:P1} of the full run's requests"));
        await host.StopAsync(cancellationToken);
        return 0;
    }

    private sealed record Measurement(double Seconds, long Requests, long Throttled);

    private static async Task<Measurement> MeasureAsync(IHost host, FakeAirtableServer fake, CancellationToken cancellationToken)
    {
        var (admitted, throttled) = (fake.State.RevisionThrottle.Admitted, fake.State.RevisionThrottle.Throttled);
        var stopwatch = Stopwatch.StartNew();
        await BenchmarkJobs.RunAsync(host, JobKind.RevisionSync, new SyncRequest(), cancellationToken);
        stopwatch.Stop();
        return new Measurement(stopwatch.Elapsed.TotalSeconds, fake.State.RevisionThrottle.Admitted - admitted, fake.State.RevisionThrottle.Throttled - throttled);
    }

    private static async Task SignInAsync(IHost host, FakeAirtableServer fake, FakeUser user, CancellationToken cancellationToken)
    {
        var session = fake.State.WebSessions.SignIn(user.Id);
        var now = DateTimeOffset.UtcNow;
        var cookies = fake.State.WebSessions.CookiesFor(session)
            .Select(c => new WebSessionCookie(c.Key, c.Value, fake.BaseUrl.Host, "/", now.AddDays(30), true, true)).ToList();
        using var scope = host.Services.CreateScope();
        var connectionId = scope.ServiceProvider.GetRequiredService<IOptions<BrowserOptions>>().Value.ConnectionId;
        await scope.ServiceProvider.GetRequiredService<WebSessionVault>().SaveAsync(connectionId,
            new AirtableWebSession(cookies, "Mozilla/5.0 Chrome/156.0", user.Id, now, now), user.Email, cancellationToken);
    }
}
