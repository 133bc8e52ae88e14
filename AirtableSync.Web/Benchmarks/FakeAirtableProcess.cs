using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Web.Benchmarks;

// A process of its own, so the peak memory a benchmark reports is the app's alone (in production Airtable's data is not in
// our process). One line each way: ready prints {"url","baseId"}; "clear" empties the request log, answers "ok"; "stats"
// answers {"requests","rateLimited"}; end of input stops it.
internal static class FakeAirtableProcess
{
    public const string Verb = "fake-airtable";

    public sealed record Ready(string Url, string BaseId);

    public sealed record Stats(int Requests, int RateLimited);

    public static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        var spec = new SyntheticWorkspaceSpec(1, IntArgument(args, "--tables"), IntArgument(args, "--records"), FieldsPerTable: 10);
        await using var fake = await FakeAirtableServer.StartAsync(new FakeAirtableOptions
        {
            SeedSampleWorkspace = false,
            RequestsPerSecondPerBase = 5,
            RateLimitPenalty = TimeSpan.FromSeconds(30),
            Latency = TimeSpan.FromMilliseconds(IntArgument(args, "--latency-ms")),
        }, cancellationToken: cancellationToken);
        var @base = SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, spec)[0];
        BenchmarkToken.AddTo(fake, Argument(args, "--token"));

        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Ready(fake.BaseUrl.ToString(), @base.Id)));
        await Console.Out.FlushAsync(cancellationToken);
        while (await Console.In.ReadLineAsync(cancellationToken) is { } command)
        {
            var entries = fake.State.RequestLog.Entries.Where(e => e.BaseId == @base.Id).ToList();
            var answer = command switch
            {
                "clear" => Clear(fake),
                "stats" => JsonSerializer.Serialize(new Stats(entries.Count, entries.Count(e => e.StatusCode == 429))),
                _ => $"unknown command {command}",
            };
            await Console.Out.WriteLineAsync(answer);
            await Console.Out.FlushAsync(cancellationToken);
        }
        return 0;
    }

    private static string Clear(FakeAirtableServer fake)
    {
        fake.State.RequestLog.Clear();
        return "ok";
    }

    private static string Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{Verb} needs {name}.");
    }

    private static int IntArgument(string[] args, string name) => int.Parse(Argument(args, name), CultureInfo.InvariantCulture);
}

internal sealed class FakeAirtableChild : IAsyncDisposable
{
    private readonly Process _process;

    private FakeAirtableChild(Process process, FakeAirtableProcess.Ready ready)
    {
        _process = process;
        BaseUrl = new Uri(ready.Url);
        BaseId = ready.BaseId;
    }

    public Uri BaseUrl { get; }

    public string BaseId { get; }

    public static async Task<FakeAirtableChild> StartAsync(SyntheticWorkspaceSpec spec, TimeSpan latency, string token, CancellationToken cancellationToken)
    {
        // Same program, other verb: the apphost when run as one, else "dotnet AirtableSync.Web.dll".
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FakeAirtableChild).Assembly.Location);
        }
        foreach (var argument in new[]
        {
            "benchmark", FakeAirtableProcess.Verb, "--tables", $"{spec.TablesPerBase}", "--records", $"{spec.RecordsPerTable}",
            "--latency-ms", ((int)latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), "--token", token,
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The fake Airtable process did not start.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken)
                ?? throw new InvalidOperationException("The fake Airtable process ended before it was ready.");
            var ready = JsonSerializer.Deserialize<FakeAirtableProcess.Ready>(line) ?? throw new InvalidOperationException($"Unexpected answer: {line}");
            return new FakeAirtableChild(process, ready);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async Task ClearRequestLogAsync(CancellationToken cancellationToken) => await AskAsync("clear", cancellationToken);

    public async Task<FakeAirtableProcess.Stats> StatsAsync(CancellationToken cancellationToken)
    {
        var line = await AskAsync("stats", cancellationToken);
        return JsonSerializer.Deserialize<FakeAirtableProcess.Stats>(line) ?? throw new InvalidOperationException($"Unexpected answer: {line}");
    }

    private async Task<string> AskAsync(string command, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await _process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException("The fake Airtable process ended.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close(); // its cue to stop
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
