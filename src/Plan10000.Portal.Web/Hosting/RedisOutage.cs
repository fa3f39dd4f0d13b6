using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// What the portal does when the configured Redis does not answer (ADR 0027): every caller carries on without it, and
/// the outage is logged as a warning once a minute with the number of failures since the last line, not once per request.
/// </summary>
internal sealed partial class RedisOutage(ILogger<RedisOutage> logger)
{
    private static readonly long Interval = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private long failures;
    private long nextWarning;
    private int down;

    /// <summary>
    /// A refused or lost connection, a command that timed out: Redis is away, not the request wrong. A scan (tag
    /// eviction) reports it inside an AggregateException.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RedisException or RedisTimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsOutage),
        _ => false,
    };

    public void Failed(string operation, Exception exception)
    {
        var count = Interlocked.Increment(ref failures);
        Volatile.Write(ref down, 1);
        var now = Environment.TickCount64;
        var next = Interlocked.Read(ref nextWarning);
        if (now >= next && Interlocked.CompareExchange(ref nextWarning, now + Interval, next) == next)
        {
            Interlocked.Add(ref failures, -count);
            LogUnreachable(operation, count, exception.Message);
        }
    }

    /// <summary>Called after a command Redis answered: says once that it is back.</summary>
    public void Answered()
    {
        if (Volatile.Read(ref down) == 1 && Interlocked.Exchange(ref down, 0) == 1)
        {
            Interlocked.Exchange(ref nextWarning, 0);
            LogBack();
        }
    }

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Redis ne répond pas ({Operation}, {Count} échec(s) depuis le dernier message) : cache de sortie ignoré, compteurs de limitation tenus par cette instance. {Reason}")]
    private partial void LogUnreachable(string operation, long count, string reason);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Redis répond de nouveau : cache de sortie et compteurs partagés.")]
    private partial void LogBack();
}

/// <summary>
/// Redis configured but not answering is <c>Degraded</c>, not <c>Unhealthy</c>: /health still answers 200, so the load
/// balancer keeps the instance, which serves every page without the shared cache (ADR 0027).
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (redis.IsConnected)
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            return HealthCheckResult.Degraded("Redis ne répond pas : cache et limitation tenus par chaque instance.", e);
        }

        return HealthCheckResult.Degraded("Redis n'est pas joignable : cache et limitation tenus par chaque instance.");
    }
}
