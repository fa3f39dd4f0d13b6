using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Tests.Content;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>HEAD like GET, validators and 304, compression, fingerprinted static assets.</summary>
public sealed partial class HttpDeliveryTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Head_answers_like_get_without_a_body_on_every_get_route()
    {
        var company = await AddCompanyAsync(Factory, "Fonderie HEAD", "44000", CompanyStatus.Approved);
        var paths = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true && e.RoutePattern.Parameters.Count == 0)
            // Static files have their own HEAD endpoints (MapStaticAssets); the application's routes are what is checked here.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Concat(["/entreprises-engagees/" + company.Slug, "/clubs/44", "/territoires/44"])
            .Distinct()
            .ToList();
        Assert.True(paths.Count > 40, string.Join(", ", paths));
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var wrong = new List<string>();
        var ok = 0;
        foreach (var path in paths)
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            var body = await head.Content.ReadAsByteArrayAsync();
            if (head.StatusCode != get.StatusCode || head.StatusCode == HttpStatusCode.MethodNotAllowed || body.Length > 0
                || head.Content.Headers.ContentType?.MediaType != get.Content.Headers.ContentType?.MediaType)
            {
                wrong.Add($"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}, {body.Length} octets");
            }

            ok += head.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Empty(wrong);
        Assert.True(ok > 30, $"{ok} routes à 200");
        foreach (var path in new[] { "/", "/sitemap.xml", "/robots.txt", "/donnees/entreprises-engagees.csv", "/api/v1/entreprises", "/entreprises-engagees/" + company.Slug })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
        }
    }

    [Theory]
    [InlineData("/actualites")]
    [InlineData("/sitemap.xml")]
    [InlineData("/donnees/entreprises-engagees.csv")]
    [InlineData("/api/v1/entreprises")]
    public async Task A_repeated_conditional_get_answers_304(string url)
    {
        await ContentSeed.PublishAsync(Factory, ContentKind.Actualite, "Brève des validateurs " + url, "Texte.");
        var client = Factory.CreateClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(byTag);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var notModifiedByDate = await client.SendAsync(byDate);
        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"autre\""));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/api/v1/entreprises", "application/json")]
    [InlineData("/donnees/entreprises-engagees.csv", "text/csv")]
    [InlineData("dsfr.min.css", "text/css")]
    [InlineData("dsfr.module.min.js", "text/javascript")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task Compressed_answers_decode_to_the_same_bytes(string url, string mediaType)
    {
        await AddCompanyAsync(Factory, "Compression Industrie", "35000", CompanyStatus.Approved);
        // Seeded behind the module's back (no event): start from an empty output cache so both encodings see it.
        await Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("site", CancellationToken.None);
        var client = Factory.CreateClient();
        if (!url.StartsWith('/'))
        {
            // A static asset: the fingerprinted URL the home page points at.
            var name = Regex.Escape(Path.GetFileNameWithoutExtension(url));
            url = Regex.Match(await client.GetStringAsync("/"), $@"/_content/Plan10000\.Themes\.Dsfr/lib/dsfr/[^""]*{name}\.[a-z0-9]+{Regex.Escape(Path.GetExtension(url))}").Value;
            Assert.False(string.IsNullOrEmpty(url), "Pas d’URL empreintée pour " + name);
        }

        var plain = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(mediaType, plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var expected = await plain.Content.ReadAsByteArrayAsync();

        foreach (var encoding in new[] { "br", "gzip" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            await using var compressed = await response.Content.ReadAsStreamAsync();
            await using Stream decoder = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            await decoder.CopyToAsync(decoded);
            Assert.Equal(expected, decoded.ToArray());
        }
    }

    [Fact]
    public async Task Pages_point_at_fingerprinted_assets_cached_for_a_year()
    {
        var home = await Factory.CreateClient().GetStringAsync("/");
        var stylesheet = FingerprintedDsfr().Match(home);
        Assert.True(stylesheet.Success, "Pas de feuille DSFR empreintée dans la page d’accueil");

        var asset = await Factory.CreateClient().GetAsync(stylesheet.Value);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
    }

    [GeneratedRegex(@"/_content/Plan10000\.Themes\.Dsfr/lib/dsfr/dsfr\.min\.[a-z0-9]{6,}\.css")]
    private static partial Regex FingerprintedDsfr();
}
