using System.Net;
using System.Xml.Linq;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed class PublicContentTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/flux/bonnes-pratiques.xml", "Égalité & <réussite> des apprentis")]
    [InlineData("/flux/actualites.xml", "Nouvelles \"fraîches\" & <rapides>")]
    [InlineData("/flux/dispositifs.xml", "Dispositif « emplois francs » & co")]
    public async Task Rss_feeds_are_well_formed_rss_2_with_the_published_items(string feed, string title)
    {
        var kind = feed.Contains("bonnes", StringComparison.Ordinal) ? ContentKind.BonnePratique : feed.Contains("actualites", StringComparison.Ordinal) ? ContentKind.Actualite : ContentKind.Dispositif;
        await ContentSeed.PublishAsync(fixture.Factory, kind, title, "Texte.");
        await ContentSeed.PublishAsync(fixture.Factory, kind, title + " (brouillon)", "Texte.", publish: false);

        var response = await fixture.Factory.CreateClient().GetAsync(feed);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rss", xml.Root!.Name.LocalName);
        Assert.Equal("2.0", xml.Root.Attribute("version")!.Value);
        var titles = xml.Descendants("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains(title, titles);
        Assert.DoesNotContain(title + " (brouillon)", titles);
        Assert.All(xml.Descendants("item"), i => Assert.StartsWith("http", i.Element("link")!.Value));
    }

    [Fact]
    public async Task The_sitemap_is_well_formed_and_lists_published_content_only()
    {
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Page, "Page pour le plan", "Texte.");
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Page, "Page cachée du plan", "Texte.", publish: false);

        var client = fixture.Factory.CreateClient();
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var urls = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        var plan = await client.GetStringAsync("/plan-du-site");

        Assert.Contains(urls, u => u.EndsWith("/pages/page-pour-le-plan", StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => u.EndsWith("/pages/page-cachee-du-plan", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.EndsWith("/ressources/bonnes-pratiques", StringComparison.Ordinal));
        Assert.Contains("Page pour le plan", plan);
    }

    [Fact]
    public async Task Search_and_listing_filters_are_accent_insensitive_and_paginated()
    {
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.BonnePratique, "Égalité professionnelle au garage", "Des mécaniciennes formées.", i => { i.Themes = ",7,"; i.Departement = "75"; });
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.BonnePratique, "Autre pratique au bureau", "Rien à voir.", i => { i.Themes = ",2,"; i.Departement = "13"; });
        for (var n = 0; n < 13; n++)
        {
            await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, $"Actualité numéro {n}", "Texte.");
        }

        var client = fixture.Factory.CreateClient();
        var byText = await client.GetStringAsync("/ressources/bonnes-pratiques?q=egalite+MECANICIENNES");
        var byTheme = await client.GetStringAsync("/ressources/bonnes-pratiques?theme=2");
        var byDepartement = await client.GetStringAsync("/ressources/bonnes-pratiques?departement=75");
        var portalSearch = await client.GetStringAsync("/recherche?q=egalite%20professionnelle");
        var news = await client.GetStringAsync("/actualites");
        var page2 = await client.GetAsync("/actualites?page=2");

        Assert.Contains("Égalité professionnelle au garage", byText);
        Assert.DoesNotContain("Autre pratique au bureau", byText);
        Assert.Contains("Autre pratique au bureau", byTheme);
        Assert.DoesNotContain("Égalité professionnelle au garage", byTheme);
        Assert.Contains("Égalité professionnelle au garage", byDepartement);
        Assert.DoesNotContain("Autre pratique au bureau", byDepartement);
        Assert.Contains("/ressources/bonnes-pratiques/egalite-professionnelle-au-garage", portalSearch);
        Assert.Contains("actualites?page=2", news);
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        // Page 2 lists other news than page 1, so the page parameter is really applied.
        static HashSet<string> Titles(string html) => [.. System.Text.RegularExpressions.Regex.Matches(html, "Actualité numéro \\d+").Select(m => m.Value)];
        var second = Titles(await page2.Content.ReadAsStringAsync());
        Assert.NotEmpty(second);
        Assert.Empty(second.Intersect(Titles(news)));
    }

    [Fact]
    public async Task Main_navigation_and_content_pages_answer()
    {
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Page, "À propos", "Texte.");
        var client = fixture.Factory.CreateClient();

        var home = await client.GetStringAsync("/");
        Assert.Contains("href=\"/ressources/bonnes-pratiques\"", home);
        Assert.Contains("href=\"/actualites\"", home);
        Assert.Contains("href=\"/charte\"", home);
        foreach (var url in new[] { "/ressources/bonnes-pratiques", "/ressources/dispositifs", "/actualites", "/charte", "/pages/a-propos", "/territoires/01" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/territoires/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/flux/inconnu.xml")).StatusCode);
    }
}
