using System.Net;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class ShowcaseTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Only_approved_companies_that_consent_to_their_name_are_listed()
    {
        await AddCompanyAsync(Factory, "Vitrine Approuvée Zéphyr", "33000", CompanyStatus.Approved);
        await AddCompanyAsync(Factory, "Vitrine En Attente Zéphyr", "33000", CompanyStatus.Pending);
        await AddCompanyAsync(Factory, "Vitrine Refusée Zéphyr", "33000", CompanyStatus.Rejected);
        await AddCompanyAsync(Factory, "Vitrine Discrète Zéphyr", "33000", CompanyStatus.Approved, [PublicationItems.Commitments]);

        var html = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/entreprises-engagees?q=zephyr"));

        Assert.Contains("Vitrine Approuvée Zéphyr", html);
        Assert.DoesNotContain("Vitrine En Attente", html);
        Assert.DoesNotContain("Vitrine Refusée", html);
        Assert.DoesNotContain("Vitrine Discrète", html);
        Assert.Contains("1 entreprise", html);
    }

    [Fact]
    public async Task Text_search_ignores_accents_and_reads_published_commitments_only()
    {
        await AddCompanyAsync(Factory, "Fromagerie Ōmega", "69003", CompanyStatus.Approved, null, (3, "JEUNES", "Former des apprentis en affinage de Comté"));
        await AddCompanyAsync(Factory, "Crèmerie Secrète", "69003", CompanyStatus.Approved, [PublicationItems.Name], (3, "JEUNES", "Former des apprentis en affinage de Comté"));
        var client = Factory.CreateBrowserLikeClient();

        var byCommitment = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?q=AFFINAGE+comte"));
        var byName = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?q=cremerie"));

        Assert.Contains("Fromagerie Ōmega", byCommitment);
        Assert.DoesNotContain("Crèmerie Secrète", byCommitment);
        Assert.Contains("Crèmerie Secrète", byName);
    }

    [Fact]
    public async Task Filters_by_departement_region_theme_public_size_and_sector()
    {
        await AddCompanyAsync(Factory, "Filtre Lille Parrainage", "59000", CompanyStatus.Approved, null, (4, "DELD,TH", "Parrainer des demandeurs d’emploi"));
        await AddCompanyAsync(Factory, "Filtre Rennes Stages", "35000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages de 3e"));
        await AddCompanyAsync(Factory, "Filtre Lille Muette", "59000", CompanyStatus.Approved, [PublicationItems.Name], (4, "DELD", "Parrainage non publié"));
        var client = Factory.CreateBrowserLikeClient();

        var nord = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?departement=59&q=filtre"));
        var hautsDeFrance = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?region=32&q=filtre"));
        var parrainage = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?theme=4&q=filtre"));
        var handicap = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?public=TH&q=filtre"));
        var noneBySize = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?taille=GE&q=filtre"));
        var bySector = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?secteur=INDUSTRIE&q=filtre+rennes"));

        Assert.Contains("Filtre Lille Parrainage", nord);
        Assert.Contains("Filtre Lille Muette", nord);
        Assert.DoesNotContain("Filtre Rennes", nord);
        Assert.Contains("Filtre Lille Parrainage", hautsDeFrance);
        Assert.DoesNotContain("Filtre Rennes", hautsDeFrance);
        Assert.Contains("Filtre Lille Parrainage", parrainage);
        Assert.DoesNotContain("Filtre Lille Muette", parrainage);
        Assert.DoesNotContain("Filtre Rennes", parrainage);
        Assert.Contains("Filtre Lille Parrainage", handicap);
        Assert.DoesNotContain("Filtre Rennes", handicap);
        Assert.Contains("Aucune entreprise ne correspond", noneBySize);
        Assert.Contains("Filtre Rennes Stages", bySector);
    }

    [Fact]
    public async Task The_company_page_shows_only_consented_fields()
    {
        var open = await AddCompanyAsync(Factory, "Page Ouverte", "31000", CompanyStatus.Approved, null, (7, "TH", "Recruter trois travailleurs handicapés"));
        var closed = await AddCompanyAsync(Factory, "Page Fermée", "31000", CompanyStatus.Approved, [PublicationItems.Name], (7, "TH", "Engagement confidentiel"));
        var hidden = await AddCompanyAsync(Factory, "Page Cachée", "31000", CompanyStatus.Approved, []);
        var client = Factory.CreateBrowserLikeClient();

        var openHtml = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees/" + open.Slug));
        var closedHtml = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees/" + closed.Slug));
        var hiddenResponse = await client.GetAsync("/entreprises-engagees/" + hidden.Slug);

        Assert.Contains("Recruter trois travailleurs handicapés", openHtml);
        Assert.Contains("1 rue de test", openHtml);
        Assert.DoesNotContain("Engagement confidentiel", closedHtml);
        Assert.DoesNotContain("1 rue de test", closedHtml);
        Assert.Contains("n’a pas souhaité publier", closedHtml);
        Assert.Equal(HttpStatusCode.NotFound, hiddenResponse.StatusCode);
    }

    [Fact]
    public async Task Pagination_splits_results_by_twenty()
    {
        for (var i = 0; i < 23; i++)
        {
            await AddCompanyAsync(Factory, $"Pagination Kappa {i:00}", "67000", CompanyStatus.Approved);
        }

        var client = Factory.CreateBrowserLikeClient();
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?q=kappa"));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?q=kappa&page=2"));

        Assert.Contains("23 entreprises", first);
        Assert.Contains("Pagination Kappa 19", first);
        Assert.DoesNotContain("Pagination Kappa 20", first);
        Assert.Contains("Pagination Kappa 22", second);
        Assert.DoesNotContain("Pagination Kappa 00", second);
        Assert.Contains("page=2", first);
    }

    [Fact]
    public async Task The_dashboard_counts_approved_companies_per_departement_and_nationally()
    {
        await AddCompanyAsync(Factory, "Compteur Guadeloupe", "97110", CompanyStatus.Approved);
        await AddCompanyAsync(Factory, "Compteur Guadeloupe Attente", "97110", CompanyStatus.Pending);
        var client = Factory.CreateBrowserLikeClient();

        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/tableau-de-bord"));
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("<caption", dashboard);
        Assert.Matches(@"971</t[dh]>\s*<td>Guadeloupe</td>\s*<td>[^<]*</td>\s*<td>1</td>\s*<td>1 %</td>", dashboard);
        Assert.Contains("/ 10", home);
        Assert.Contains("Entreprises engagées", home);
    }

    [Fact]
    public async Task The_portal_search_finds_listed_companies_only()
    {
        var listed = await AddCompanyAsync(Factory, "Recherche Globale Sigma", "76000", CompanyStatus.Approved);
        await AddCompanyAsync(Factory, "Recherche Globale Sigma Attente", "76000", CompanyStatus.Pending);

        var html = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/recherche?q=sigma"));

        Assert.Contains("/entreprises-engagees/" + listed.Slug, html);
        Assert.DoesNotContain("Sigma Attente", html);
    }

    [Fact]
    public async Task The_sitemap_lists_listed_company_pages_only()
    {
        var listed = await AddCompanyAsync(Factory, "Plan Du Site Omicron", "76000", CompanyStatus.Approved);
        var pending = await AddCompanyAsync(Factory, "Plan Du Site Omicron Attente", "76000", CompanyStatus.Pending);

        var xml = await Factory.CreateBrowserLikeClient().GetStringAsync("/sitemap.xml");

        Assert.Contains("/entreprises-engagees/" + listed.Slug + "<", xml);
        Assert.DoesNotContain("/entreprises-engagees/" + pending.Slug, xml);
        Assert.Contains("/tableau-de-bord", xml);
    }

    [Fact]
    public async Task A_company_page_has_link_preview_meta_in_its_head_built_from_published_fields()
    {
        var open = await AddCompanyAsync(Factory, "Aperçu Partagé Kappa", "33000", CompanyStatus.Approved, null, (4, "DELD", "Parrainer des demandeurs d’emploi"));
        var discreet = await AddCompanyAsync(Factory, "Aperçu Discret Kappa", "33000", CompanyStatus.Approved, [PublicationItems.Name], (4, "DELD", "Parrainage secret"));
        var client = Factory.CreateBrowserLikeClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees/" + open.Slug));
        var head = page[..page.IndexOf("</head>", StringComparison.Ordinal)];
        var discreetHead = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees/" + discreet.Slug));
        discreetHead = discreetHead[..discreetHead.IndexOf("</head>", StringComparison.Ordinal)];

        Assert.Contains("<meta property=\"og:title\" content=\"Aperçu Partagé Kappa\" />", head);
        Assert.Matches("<meta property=\"og:url\" content=\"https?://[^\"]+/entreprises-engagees/" + open.Slug + "\" />", head);
        Assert.Matches("<meta property=\"og:description\" content=\"Aperçu Partagé Kappa \\(Gironde\\)[^\"]*1 engagement", head);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\" />", head);
        Assert.Contains("<meta property=\"og:title\" content=\"Aperçu Discret Kappa\" />", discreetHead);
        Assert.DoesNotContain("engagement(s)", discreetHead);
    }
}
