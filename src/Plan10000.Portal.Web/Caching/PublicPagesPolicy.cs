using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Plan10000.Portal.Web.Caching;

/// <summary>The "Portal:OutputCache" section.</summary>
internal sealed class OutputCachingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>A safety net only: domain events evict what they change, so a page is fresh on the next request.</summary>
    public int DurationSeconds { get; set; } = 600;
}

/// <summary>
/// The one output-cache policy of the portal, applied to every request: it caches what <see cref="PublicPages"/>
/// says is shared, varies by the query string and the negotiated encoding, and refuses at response time whatever
/// turned out personal. The build's static-asset fingerprints are part of the key, so a shared store (Redis) never
/// serves a page pointing at the assets of another deployment.
/// </summary>
internal sealed class PublicPagesPolicy(IOptionsMonitor<OutputCachingOptions> options, StaticAssetsVersion assets) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var settings = options.CurrentValue;
        var shared = settings.Enabled && PublicPages.IsSharedRequest(context.HttpContext);
        context.EnableOutputCaching = shared;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        context.AllowLocking = true;
        if (!shared)
        {
            return ValueTask.CompletedTask;
        }

        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(settings.DurationSeconds);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["assets"] = assets.Value;
        context.Tags.Add(CacheTags.Site);
        foreach (var tag in PublicPages.TagsOf(context.HttpContext.Request.Path)!)
        {
            context.Tags.Add(tag);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!PublicPages.IsSharedResponse(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A digest of the static-asset manifest of this build (file fingerprints), empty when there is none.</summary>
internal sealed class StaticAssetsVersion(IWebHostEnvironment environment)
{
    public string Value { get; } = Compute(environment);

    private static string Compute(IWebHostEnvironment environment)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.endpoints.json");
        return File.Exists(manifest)
            ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(manifest)), 0, 8)
            : "";
    }
}
