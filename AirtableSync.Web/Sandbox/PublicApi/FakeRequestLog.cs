using System.Security.Cryptography;
using System.Text;

namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// One public-API request as the fake saw it. <paramref name="Time"/> is its arrival on the state's TimeProvider
/// (the instant the rate limiter counted). The token itself is never kept: <paramref name="TokenId"/> is
/// <see cref="FakeRequestLog.TokenIdOf"/> of it.
/// </summary>
public sealed record FakeRequestLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? BaseId,
    string? UserId,
    string? TokenId,
    int StatusCode,
    string? ErrorType);

/// <summary>Every public-API request, for assertions such as "no request landed inside a penalty window".</summary>
public sealed class FakeRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<FakeRequestLogEntry> _entries = [];

    public IReadOnlyList<FakeRequestLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>A stable, non-secret label for a token: the first 12 hex digits of its SHA-256.</summary>
    public static string TokenIdOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];

    internal void Add(FakeRequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
