using System.Threading.RateLimiting;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// A fixed window counted in Redis by every instance, and the same window counted by this instance alone for the
/// requests Redis does not answer: during an outage a client gets the permits once per instance (as with no Redis at
/// all) instead of no limit on the sign-in form, and never a 500 (ADR 0027). The local window counts only those
/// requests, so it is empty when Redis is there.
/// </summary>
internal sealed class SharedWindowLimiter(RateLimiter shared, RateLimiter local, RedisOutage outage) : RateLimiter
{
    private static readonly RateLimitLease NotYet = new Refused();

    public override TimeSpan? IdleDuration
        => shared.IdleDuration is { } sharedIdle && local.IdleDuration is { } localIdle
            ? TimeSpan.FromTicks(Math.Min(sharedIdle.Ticks, localIdle.Ticks))
            : null;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <summary>Not acquired without asking Redis: the middleware then calls <see cref="AcquireAsyncCore"/>, which does.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await shared.AcquireAsync(permitCount, cancellationToken);
            outage.Answered();
            return lease;
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            outage.Failed("limitation de débit", e);
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class Refused : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
