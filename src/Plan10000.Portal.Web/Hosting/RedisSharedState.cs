using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// <c>Portal:Redis:Configuration</c> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>) and the prefix of every key
/// (<c>Portal:Redis:InstanceName</c>, default <c>plan10000:</c>, so that two portals can share one server).
/// </summary>
internal sealed record RedisSettings(string Configuration, string Prefix)
{
    public static RedisSettings? From(IConfiguration configuration)
        => configuration["Portal:Redis:Configuration"] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? new(value, configuration["Portal:Redis:InstanceName"] is { Length: > 0 } prefix ? prefix : "plan10000:")
            : null;
}

/// <summary>
/// With Redis configured, what the instances must agree on moves there (ADR 0027): the output cache store, so that a
/// tag evicted by the instance that published reaches every instance, and the counters of the sensitive forms, so that
/// a client spreading its attempts over the instances is counted once. Without it the in-memory defaults stay.
/// </summary>
internal static class RedisSharedState
{
    public static IServiceCollection AddPortalRedis(this IServiceCollection services, RedisSettings redis)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis.Configuration);
            // An instance starts, and reconnects by itself, while Redis restarts; the requests that need it fail meanwhile.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        // Registered after AddPortalCaching: it replaces the in-memory IOutputCacheStore, eviction included (ADR 0020).
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((o, provider) =>
        {
            o.InstanceName = redis.Prefix + "cache:";
            o.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        return services;
    }

    /// <summary>A fixed one-minute window per client whose counter lives in Redis, read and incremented by every instance.</summary>
    public static RateLimitPartition<string> SensitivePartition(HttpContext context, RedisSettings redis, string client, int permits)
    {
        var connection = context.RequestServices.GetRequiredService<IConnectionMultiplexer>();
        return RedisRateLimitPartition.GetFixedWindowRateLimiter(redis.Prefix + "sensitive:" + client, _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => connection,
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
        });
    }
}
