using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plan10000.Portal.Tests.Support;
using Plan10000.Portal.Web.Caching;
using Plan10000.Portal.Web.Hosting;
using StackExchange.Redis;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>
/// The configured Redis killed under a running portal, then started again on the same port (ADR 0027): pages, forms,
/// publication and the API answer as without Redis, /health says degraded with 200, one warning is logged for the
/// whole outage, and the shared cache serves again once Redis is back.
/// </summary>
public sealed class RedisOutageTests
{
    private const string Showcase = "/entreprises-engagees";

    [SkippableFact]
    public async Task With_Redis_down_pages_forms_publication_and_health_answer_without_500_and_the_cache_resumes_when_it_is_back()
    {
        using var redis = await OwnRedisServer.StartAsync();
        var log = new CapturedLog();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Redis:Configuration"] = redis.Address,
            ["Portal:Redis:InstanceName"] = $"test-outage-{Guid.NewGuid():N}:",
        })
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(log),
        };
        var client = factory.CreateClient();
        await AssertServedFromCacheAsync(client, Showcase);
        Assert.Equal("Healthy", (await HealthAsync(client)).Redis);

        redis.Stop();
        var outage = System.Diagnostics.Stopwatch.StartNew();

        foreach (var url in new[] { "/", Showcase, Showcase, "/api/v1/indicateurs" })
        {
            var answer = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Null(answer.Headers.Age);
        }

        var browser = factory.CreateBrowserLikeClient();
        var refused = await PortalFactory.PostFormAsync(browser, "/compte/connexion", "/compte/connexion", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = "pas le bon mot de passe" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Signed in through the same limited form, then a publication whose cache eviction cannot reach Redis.
        var admin = await factory.CreateAdminClientAsync();
        var created = await PortalFactory.PostFormAsync(admin, "/admin/contenus/nouveau?type=actualite", "/admin/contenus/nouveau?type=actualite",
            new() { ["Title"] = "Brève publiée pendant la panne de Redis", ["Summary"] = "Résumé.", ["Body"] = "Texte." });
        var edit = created.Headers.Location!.ToString();
        var published = await PortalFactory.PostFormAsync(admin, edit, edit + "/publier", []);
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"{published.StatusCode} : " + string.Join('\n', log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message + " " + e.Exception)));
        Assert.Contains("Brève publiée pendant la panne de Redis", WebUtility.HtmlDecode(await client.GetStringAsync("/actualites")));

        var health = await HealthAsync(client);
        Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded", "Healthy"), (health.Status, health.Overall, health.Redis, health.Database));
        var warnings = log.Entries.Where(e => e.Category == typeof(RedisOutage).FullName && e.Level == LogLevel.Warning).ToList();
        Assert.True(warnings.Count >= 1 && warnings.Count <= 1 + (int)outage.Elapsed.TotalMinutes, "Un avertissement par minute de panne attendu, pas un par requête :\n" + string.Join('\n', warnings.Select(w => w.Message)));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);

        await redis.StartAgainAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await HealthAsync(client)).Redis != "Healthy")
        {
            Assert.True(DateTime.UtcNow < deadline, "Le portail ne s'est pas reconnecté à Redis en 30 s");
            await Task.Delay(250);
        }

        await AssertServedFromCacheAsync(client, Showcase);
        await AssertServedFromCacheAsync(client, "/actualites");
        Assert.Contains(log.Entries, e => e.Category == typeof(RedisOutage).FullName && e.Message.Contains("répond de nouveau", StringComparison.Ordinal));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    /// <summary>An eviction that could not reach the store is made up for by evicting everything once the store answers.</summary>
    [Fact]
    public async Task A_failed_eviction_is_replayed_on_the_whole_cache_when_the_store_answers_again()
    {
        var inner = new FlakyStore();
        var store = new ResilientOutputCacheStore(inner, new RedisOutage(NullLogger<RedisOutage>.Instance));
        await store.SetAsync("page", [1, 2, 3], [CacheTags.Site, CacheTags.Content], TimeSpan.FromMinutes(1), CancellationToken.None);

        inner.Down = true;
        await store.EvictByTagAsync(CacheTags.Content, CancellationToken.None);
        Assert.Null(await store.GetAsync("page", CancellationToken.None));
        await store.SetAsync("other", [4], [CacheTags.Site], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Empty(inner.Evicted);

        // Back: the page the failed eviction should have removed is not served stale.
        inner.Down = false;
        Assert.Null(await store.GetAsync("page", CancellationToken.None));
        Assert.Equal([CacheTags.Site], inner.Evicted);
        await store.SetAsync("page", [5], [CacheTags.Site], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([5], await store.GetAsync("page", CancellationToken.None));
        Assert.Equal([CacheTags.Site], inner.Evicted);
    }

    private static async Task AssertServedFromCacheAsync(HttpClient client, string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var second = await client.GetAsync(url);
        Assert.True(second.Headers.Age is not null, url + " n’est pas servie depuis le cache de sortie (Redis)");
    }

    private static async Task<(HttpStatusCode Status, string? Overall, string? Redis, string? Database)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        return (response.StatusCode, json.RootElement.GetProperty("status").GetString(), checks.GetProperty("redis").GetString(), checks.GetProperty("database").GetString());
    }

    /// <summary>A store whose server can be switched off: every call then fails as StackExchange.Redis does.</summary>
    private sealed class FlakyStore : IOutputCacheStore
    {
        private readonly Dictionary<string, (byte[] Value, string[] Tags)> entries = [];

        public bool Down { get; set; }

        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Refuse();
            Evicted.Add(tag);
            foreach (var key in entries.Where(e => e.Value.Tags.Contains(tag)).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Refuse();
            return ValueTask.FromResult(entries.TryGetValue(key, out var entry) ? entry.Value : null);
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Refuse();
            entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        private void Refuse()
        {
            if (Down)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation");
            }
        }
    }
}
