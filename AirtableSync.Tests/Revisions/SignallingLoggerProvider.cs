using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Revisions;

/// <summary>Keeps every log entry with its structured values, and lets a test await the n-th entry that matches.</summary>
internal sealed class SignallingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<LogEntry, bool> Match, int Count, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Completes with the <paramref name="count"/>-th entry (1-based) that matches, logged before or after the call.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, int count = 1)
    {
        lock (_lock)
        {
            var seen = _entries.Where(match).ToList();
            if (seen.Count >= count)
            {
                return Task.FromResult(seen[count - 1]);
            }

            var done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, done));
            return done.Task;
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.ToList())
            {
                var matches = _entries.Where(waiter.Match).ToList();
                if (matches.Count >= waiter.Count)
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(matches[waiter.Count - 1]);
                }
            }
        }
    }

    private sealed class Logger(string category, SignallingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            provider.Add(new LogEntry(logLevel, category, formatter(state, exception), values));
        }
    }
}

internal sealed record LogEntry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Values);
