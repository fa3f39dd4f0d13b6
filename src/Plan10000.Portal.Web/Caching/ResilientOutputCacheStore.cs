using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Plan10000.Portal.Web.Hosting;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// The shared output cache store (Redis) seen through what a cache may do when its server is away (ADR 0027): a read
/// that fails is a miss (the page is built from the database), a write that fails is skipped, an eviction that fails is
/// logged and does not fail the request that published; once Redis answers again, this instance evicts the whole cache
/// (tag <see cref="CacheTags.Site"/>) so that no page it could not evict is served stale.
/// </summary>
internal sealed class ResilientOutputCacheStore(IOutputCacheStore inner, RedisOutage outage) : IOutputCacheBufferStore, IDisposable
{
    private int evictionMissed;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        => await GuardAsync("lecture du cache", async () => await inner.GetAsync(key, cancellationToken), null, cancellationToken);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        => await GuardAsync("lecture du cache", async () => inner is IOutputCacheBufferStore buffers
            ? await buffers.TryGetAsync(key, destination, cancellationToken)
            : await inner.GetAsync(key, cancellationToken) is { } bytes && await WriteAsync(destination, bytes, cancellationToken), false, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        => await GuardAsync("écriture du cache", async () =>
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return true;
        }, false, cancellationToken);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
        => await GuardAsync("écriture du cache", async () =>
        {
            if (inner is IOutputCacheBufferStore buffers)
            {
                await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }

            return true;
        }, false, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!await GuardAsync("éviction du cache", async () =>
            {
                await inner.EvictByTagAsync(tag, cancellationToken);
                return true;
            }, false, cancellationToken, replay: false))
        {
            Volatile.Write(ref evictionMissed, 1);
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static async ValueTask<bool> WriteAsync(PipeWriter destination, byte[] bytes, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }

    private async ValueTask<T> GuardAsync<T>(string operation, Func<ValueTask<T>> call, T fallback, CancellationToken cancellationToken, bool replay = true)
    {
        try
        {
            if (replay && Volatile.Read(ref evictionMissed) == 1)
            {
                await inner.EvictByTagAsync(CacheTags.Site, cancellationToken);
                Volatile.Write(ref evictionMissed, 0);
            }

            var result = await call();
            outage.Answered();
            return result;
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            outage.Failed(operation, e);
            return fallback;
        }
    }
}
