using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

public sealed class PublicPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/", "La France, une chance")]
    [InlineData("/mentions-legales", "Mentions légales")]
    [InlineData("/donnees-personnelles", "Données personnelles")]
    [InlineData("/accessibilite", "Déclaration d’accessibilité")]
    [InlineData("/plan-du-site", "Plan du site")]
    [InlineData("/compte/connexion", "Se connecter")]
    public async Task Public_pages_answer_in_french_with_the_dsfr_theme(string url, string heading)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.Contains(heading, html);
        // The stylesheet is linked by its fingerprinted name (MapStaticAssets), so a DSFR upgrade reaches visitors at once.
        Assert.Matches(@"/_content/Plan10000\.Themes\.Dsfr/lib/dsfr/dsfr\.min\.[a-z0-9]+\.css", html);
        Assert.Contains("Accessibilité : non conforme", html);
    }

    [Fact]
    public async Task The_dsfr_stylesheet_and_fonts_are_served_by_the_portal_itself()
    {
        var client = fixture.Factory.CreateClient();
        var css = await client.GetAsync("/_content/Plan10000.Themes.Dsfr/lib/dsfr/dsfr.min.css");
        var font = await client.GetAsync("/_content/Plan10000.Themes.Dsfr/lib/dsfr/fonts/Marianne-Regular.woff2");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".fr-header", await css.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
    }

    [Fact]
    public async Task No_page_refers_to_a_third_party_host_for_assets()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/");

        Assert.DoesNotMatch("(src|href)=\"https?://[^\"]+\\.(css|js|woff2?)\"", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task Unknown_page_gets_the_french_404_page()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/cette-page-n-existe-pas");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", html);
        Assert.Contains("<html lang=\"fr\"", html);
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/health");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.StartsWith(Environment.MachineName + ":", json.RootElement.GetProperty("instance").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_names_the_configured_instance()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:InstanceName"] = "portail-b" });
        using var json = System.Text.Json.JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/health"));

        Assert.Equal("portail-b", json.RootElement.GetProperty("instance").GetString());
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task Security_headers_are_set_on_every_answer()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Only_strictly_necessary_cookies_are_set_for_a_visitor()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/compte/connexion");
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

        // Antiforgery, and the one-shot confirmation messages; no audience measurement, no third party.
        Assert.All(cookies, c => Assert.Matches("^portail\\.(af|messages)=", c));
        Assert.Contains(cookies, c => c.StartsWith("portail.af=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sitemap_robots_and_search_answer()
    {
        var client = fixture.Factory.CreateClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var robots = await client.GetStringAsync("/robots.txt");
        var tooShort = await client.GetAsync("/recherche?q=a");

        Assert.Contains("<loc>http://localhost/mentions-legales</loc>", sitemap);
        Assert.Contains("Disallow: /admin/", robots);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Saisissez entre 2 et 100 caractères.", await tooShort.Content.ReadAsStringAsync());
    }
}
