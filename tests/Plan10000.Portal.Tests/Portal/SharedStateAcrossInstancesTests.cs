using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>
/// Two instances sharing one PostgreSQL and one Redis, as behind a load balancer (ADR 0027): data-protection keys in
/// the database, output cache and rate-limit counters in Redis. Only A runs a job server (Hangfire keeps static state).
/// </summary>
public sealed class SharedStateAcrossInstancesTests
{
    private const int Permits = 12;

    [SkippableFact]
    public async Task Two_instances_share_sign_in_tokens_the_output_cache_and_the_rate_limit()
    {
        var redis = RedisServer.Settings("instances");
        await using var database = await PostgreSqlDatabase.CreateAsync("instances");
        Dictionary<string, string?> Settings(bool jobs) => new(database.PortalSettings.Concat(redis))
        {
            ["Portal:Jobs:Server"] = jobs ? "true" : "false",
            ["Portal:RateLimit:SensitivePerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var a = new PortalFactory(settings: Settings(jobs: true));
        _ = a.Services;
        using var b = new PortalFactory(settings: Settings(jobs: false));
        _ = b.Services;

        await A_form_token_and_cookie_issued_by_one_instance_are_accepted_by_the_other(a, b);
        await Content_published_through_one_instance_is_shown_by_the_other_on_the_next_request(a, b);
        await The_rate_limit_counts_attempts_over_both_instances(a, b);
        PortalFixture.TryDelete(a.DataDirectory);
        PortalFixture.TryDelete(b.DataDirectory);
    }

    /// <summary>Signed in through A, the form read through A, posted through B with A's cookies and token.</summary>
    private static async Task A_form_token_and_cookie_issued_by_one_instance_are_accepted_by_the_other(PortalFactory a, PortalFactory b)
    {
        var cookies = new CookieContainer();
        using var throughA = a.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var throughB = b.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await PortalFactory.PostFormAsync(throughA, "/compte/connexion", "/compte/connexion", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        const string form = "/admin/contenus/nouveau?type=actualite";
        var token = PortalFactory.TokenPattern().Match(await throughA.GetStringAsync(form)).Groups[1].Value;

        var posted = await throughB.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Actualité écrite à travers deux instances",
            ["Summary"] = "Résumé.",
            ["Body"] = "Texte.",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/admin/contenus/", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Actualité écrite à travers deux instances", WebUtility.HtmlDecode(await throughA.GetStringAsync("/admin/contenus")));
    }

    /// <summary>B fills the cache, A answers from B's copy (the store is shared), A publishes, B shows it at once.</summary>
    private static async Task Content_published_through_one_instance_is_shown_by_the_other_on_the_next_request(PortalFactory a, PortalFactory b)
    {
        const string url = "/actualites";
        Assert.Equal(HttpStatusCode.OK, (await b.CreateClient().GetAsync(url)).StatusCode);
        var fromA = await a.CreateClient().GetAsync(url);
        Assert.True(fromA.Headers.Age is not null, "A ne lit pas la copie mise en cache par B : le cache de sortie n'est pas partagé");

        var admin = await a.CreateAdminClientAsync();
        var created = await PortalFactory.PostFormAsync(admin, "/admin/contenus/nouveau?type=actualite", "/admin/contenus/nouveau?type=actualite",
            new() { ["Title"] = "Brève publiée sur A, lue sur B", ["Summary"] = "Résumé.", ["Body"] = "Texte." });
        var edit = created.Headers.Location!.ToString();
        var published = await PortalFactory.PostFormAsync(admin, edit, edit + "/publier", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var next = await b.CreateClient().GetAsync(url);
        Assert.Null(next.Headers.Age);
        Assert.Contains("Brève publiée sur A, lue sur B", WebUtility.HtmlDecode(await next.Content.ReadAsStringAsync()));
    }

    /// <summary>One client (by address) alternates between A and B: refused after the permits of one minute, whichever instance it reaches.</summary>
    private static async Task The_rate_limit_counts_attempts_over_both_instances(PortalFactory a, PortalFactory b)
    {
        var client = IPAddress.Parse("203.0.113.7");
        async Task<int> Attempt(PortalFactory host) => (await host.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = client;
            context.Request.Method = "POST";
            context.Request.Path = "/compte/mot-de-passe-oublie";
        })).Response.StatusCode;

        var answers = new List<int>();
        for (var i = 0; i < Permits + 2; i++)
        {
            answers.Add(await Attempt(i % 2 == 0 ? a : b));
        }

        Assert.All(answers.Take(Permits), status => Assert.NotEqual(StatusCodes.Status429TooManyRequests, status));
        Assert.Equal([StatusCodes.Status429TooManyRequests, StatusCodes.Status429TooManyRequests], answers.Skip(Permits));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await Attempt(b));
    }
}
