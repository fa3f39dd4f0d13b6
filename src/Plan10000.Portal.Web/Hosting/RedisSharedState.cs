using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Plan10000.Portal.Web.Caching;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// <c>Portal:Redis:Configuration</c> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>) and the prefix of every key
/// (<c>Portal:Redis:InstanceName</c>, default <c>plan10000:</c>, so that two portals can share one server).
/// </summary>
internal sealed record RedisSettings(string Configuration, string Prefix)
{
    /// <summary>Connect, sync and async timeouts unless the configuration string sets its own: a Redis away costs a request at most this.</summary>
    public const int TimeoutMilliseconds = 1000;

    public static RedisSettings? From(IConfiguration configuration)
        => configuration["Portal:Redis:Configuration"] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? new(value, configuration["Portal:Redis:InstanceName"] is { Length: > 0 } prefix ? prefix : "plan10000:")
            : null;

    public ConfigurationOptions Options()
    {
        var options = ConfigurationOptions.Parse(Configuration);
        // An instance starts, and reconnects by itself, while Redis restarts.
        options.AbortOnConnectFail = false;
        // While disconnected a command fails at once instead of waiting in a backlog: the request falls back without delay.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        if (!Sets("connectTimeout"))
        {
            options.ConnectTimeout = TimeoutMilliseconds;
        }

        if (!Sets("syncTimeout"))
        {
            options.SyncTimeout = TimeoutMilliseconds;
        }

        if (!Sets("asyncTimeout"))
        {
            options.AsyncTimeout = TimeoutMilliseconds;
        }

        return options;
    }

    private bool Sets(string key)
        => Configuration.Split(',').Any(part => part.Trim().StartsWith(key + "=", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// With Redis configured, what the instances must agree on moves there (ADR 0027): the output cache store, so that a
/// tag evicted by the instance that published reaches every instance, and the counters of the sensitive forms and of
/// the API, so that a client spreading its requests over the instances is counted once. Without it the in-memory
/// defaults stay. When Redis does not answer, each instance carries on alone (<see cref="RedisOutage"/>).
/// </summary>
internal static class RedisSharedState
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPortalRedis(this IServiceCollection services, RedisSettings redis)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Options()));
        services.AddSingleton<RedisOutage>();
        // Registered after AddPortalCaching: it replaces the in-memory IOutputCacheStore, eviction included (ADR 0020).
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((o, provider) =>
        {
            o.InstanceName = redis.Prefix + "cache:";
            o.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        services.Decorate<IOutputCacheStore>((provider, store) => new ResilientOutputCacheStore(store, provider.GetRequiredService<RedisOutage>()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }

    /// <summary>
    /// A fixed one-minute window of <paramref name="permits"/> per client and scope (<c>sensitive</c>, <c>api</c>): in
    /// Redis, read and incremented by every instance, when configured; in this instance's memory otherwise, and for the
    /// requests Redis does not answer.
    /// </summary>
    public static RateLimitPartition<string> FixedWindow(HttpContext context, RedisSettings? redis, string scope, string client, int permits)
    {
        RateLimiter Local() => new FixedWindowRateLimiter(new() { PermitLimit = permits, Window = Window });
        if (redis is null)
        {
            return RateLimitPartition.Get(scope + ":" + client, _ => Local());
        }

        var services = context.RequestServices;
        return RateLimitPartition.Get(redis.Prefix + scope + ":" + client, key => new SharedWindowLimiter(
            new RedisFixedWindowRateLimiter<string>(key, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = services.GetRequiredService<IConnectionMultiplexer>,
                PermitLimit = permits,
                Window = Window,
            }),
            Local(),
            services.GetRequiredService<RedisOutage>()));
    }
}
