using System.IO.Compression;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// Output cache of the anonymous public answers (evicted by domain events), HEAD, ETag/304 and compression
/// (ADR 0020). The store is the framework's <see cref="IOutputCacheStore"/>, in memory by default; registering a shared
/// one (AddStackExchangeRedisOutputCache) after this call is all a cluster needs, eviction included.
/// </summary>
internal static class PortalCaching
{
    private static readonly string[] ExtraCompressedTypes =
        ["text/csv", "image/svg+xml", "application/rss+xml", "application/atom+xml", "application/schema+json", "application/problem+json", "text/calendar"];

    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutputCachingOptions>(configuration.GetSection("Portal:OutputCache"));
        services.AddSingleton<StaticAssetsVersion>();
        services.AddSingleton<PublicPagesPolicy>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicPagesPolicy>((o, policy) => o.AddBasePolicy(policy));
        OutputCacheEviction.Register(services);
        services.Decorate<IAntiforgery>((_, inner) => new AntiforgeryIssued(inner));
        services.Decorate<ITempDataProvider>((provider, inner) => new QuietTempData(inner, provider.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));

        services.AddResponseCompression(o =>
        {
            // BREACH needs a secret in a compressed page; the provider below never compresses a page holding a form token.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, .. ExtraCompressedTypes];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, TokenFreeCompressionProvider>();
        return services;
    }

    /// <summary>After authentication, so that the cache knows who asks; outermost for HEAD.</summary>
    public static void UseHeadAsGet(this IApplicationBuilder app) => app.UseMiddleware<HeadAsGetMiddleware>();

    public static void UsePortalCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.UseResponseCompression();
    }

    private sealed class TokenFreeCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context)
            => !AntiforgeryIssued.In(context) && base.ShouldCompressResponse(context);
    }
}
