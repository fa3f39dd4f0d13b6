using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Plan10000.Portal.Tests.Support;

/// <summary>Keeps every log entry the portal writes, to assert on what support would find.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => log.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
