using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Connections;

/// <summary>
/// Keeps every log line (message, state values, scopes and exception text) so tests can prove no secret was logged.
/// Scopes come from the logger factory (ISupportExternalScope), as they would reach any real provider.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Values(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";

    private sealed class CapturingLogger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add($"{scope} [{Values(scope)}]"), scopes);
            provider._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{Values(state)}] {exception} {{{string.Join(" => ", scopes)}}}");
        }
    }
}
