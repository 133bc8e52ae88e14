using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Jobs;

internal sealed record ClockedProgressParameters(IReadOnlyList<int> AdvanceMillisecondsBefore, long? Total);

internal sealed record GateParameters(string Gate);

internal sealed record ItemsParameters(IReadOnlyList<string> Items, IReadOnlyList<string> Failing, string? AuthFailsAt = null);

internal sealed record ThrowParameters(string Message, bool AsBug = false);

/// <summary>Reports progress once per step, moving the fake clock before each, and notes what the store holds after each report.</summary>
internal sealed class ClockedProgressJobHandler([ServiceKey] JobKind kind, JobProbe probe, FakeTimeProvider time, ISyncStore store) : IJobHandler
{
    public JobKind Kind => kind;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var parameters = context.GetParameters<ClockedProgressParameters>();
        for (var step = 1; step <= parameters.AdvanceMillisecondsBefore.Count; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(parameters.AdvanceMillisecondsBefore[step - 1]));
            await context.ReportProgressAsync("records", $"rec{step}", step, parameters.Total, cancellationToken);
            var stored = await store.GetJobAsync(context.JobId, cancellationToken);
            probe.PersistedCompletedAfterEachReport.Enqueue(stored?.Progress.Completed ?? -1);
        }
    }
}

/// <summary>Holds until the test releases its gate; counts how many run at once.</summary>
internal sealed class GatedJobHandler([ServiceKey] JobKind kind, JobProbe probe) : IJobHandler
{
    public JobKind Kind => kind;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        probe.Saw(context);
        var gate = context.GetParameters<GateParameters>().Gate;
        using (probe.Enter(gate))
        {
            await probe.GateAsync(gate, cancellationToken);
        }
    }
}

/// <summary>Works through items one by one; some fail per item, one may hit a revoked token.</summary>
internal sealed class ItemsJobHandler([ServiceKey] JobKind kind, JobProbe probe) : IJobHandler
{
    public JobKind Kind => kind;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var parameters = context.GetParameters<ItemsParameters>();
        var done = 0;
        foreach (var item in parameters.Items)
        {
            await context.RunItemAsync(item, _ =>
            {
                probe.AttemptedItems.Enqueue(item);
                if (item == parameters.AuthFailsAt)
                {
                    throw new JobAuthenticationException("The personal access token was revoked; reconnect the account.");
                }
                if (parameters.Failing.Contains(item))
                {
                    throw new FormatException($"Record {item} has a cell that could not be read.");
                }
                return Task.CompletedTask;
            }, cancellationToken);
            await context.ReportProgressAsync("records", item, ++done, parameters.Items.Count, cancellationToken);
        }
    }
}

internal sealed class ThrowingJobHandler([ServiceKey] JobKind kind) : IJobHandler
{
    public JobKind Kind => kind;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var parameters = context.GetParameters<ThrowParameters>();
        throw parameters.AsBug ? new NotImplementedException(parameters.Message) : new InvalidOperationException(parameters.Message);
    }
}
