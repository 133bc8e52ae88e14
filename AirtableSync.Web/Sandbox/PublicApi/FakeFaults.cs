namespace AirtableSync.Sandbox.PublicApi;

/// <summary>What a test learns about a request when deciding whether a fault applies.</summary>
public sealed record FakeRequestInfo(string Method, string Path, string? BaseId);

/// <summary>
/// An injected failure. 500 answers {"error":{"type":"SERVER_ERROR"}}, 503 {"error":{"type":"RETRIABLE_ERROR"}},
/// 502 a non-JSON "Bad Gateway" page (as a load balancer would), other codes an object error of
/// <paramref name="ErrorType"/>. <paramref name="AbortConnection"/> drops the connection without an answer.
/// </summary>
public sealed record FakeFault(
    int StatusCode,
    TimeSpan? RetryAfter = null,
    string? ErrorType = null,
    Func<FakeRequestInfo, bool>? When = null,
    bool AbortConnection = false);

/// <summary>Faults waiting for matching requests; each queued fault answers exactly one request, in queue order.</summary>
public sealed class FakeFaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<FakeFault> _pending = [];

    /// <summary>The next <paramref name="times"/> requests matching <see cref="FakeFault.When"/> (all, if null) get this fault.</summary>
    public void Enqueue(FakeFault fault, int times = 1)
    {
        lock (_gate)
        {
            _pending.AddRange(Enumerable.Repeat(fault, times));
        }
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal FakeFault? TryTake(FakeRequestInfo request)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(f => f.When is null || f.When(request));
            if (index < 0)
            {
                return null;
            }
            var fault = _pending[index];
            _pending.RemoveAt(index);
            return fault;
        }
    }
}
