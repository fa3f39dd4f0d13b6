using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Content;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>
/// Anonymous public pages come from the output cache, and each domain event evicts what it changes: every test first
/// proves the page is served from the cache (an <c>Age</c> header), then makes the change through the real flow and
/// reads the next anonymous answer.
/// </summary>
public sealed class OutputCacheTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Approving_a_company_shows_it_on_the_next_showcase_page()
    {
        var company = await AddCompanyAsync(Factory, "Scierie Approuvée du Cache", "71100", CompanyStatus.Pending);
        const string url = "/entreprises-engagees?departement=71";
        Assert.DoesNotContain("Scierie Approuvée du Cache", await CachedAsync(url));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent71"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "71"));

        var approved = await PostAsync(referent, $"/admin/entreprises/{company.Id}", $"/admin/entreprises/{company.Id}/valider", []);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Scierie Approuvée du Cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task A_company_that_withdraws_leaves_the_next_showcase_page()
    {
        var company = await AddCompanyAsync(Factory, "Tonnellerie Retirée du Cache", "71200", CompanyStatus.Approved);
        const string url = "/entreprises-engagees?departement=71";
        Assert.Contains("Tonnellerie Retirée du Cache", await CachedAsync(url));
        var client = await Factory.CreateUserClientAsync(NewEmail("retrait"), PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var withdrawn = await PostAsync(client, "/mon-entreprise", "/mon-entreprise/retrait", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.DoesNotContain("Tonnellerie Retirée du Cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task A_company_editing_its_profile_shows_the_change_on_its_next_page()
    {
        var company = await AddCompanyAsync(Factory, "Verrerie Éditée du Cache", "71300", CompanyStatus.Approved);
        var url = "/entreprises-engagees/" + company.Slug;
        Assert.Contains("Ville", await CachedAsync(url));
        var client = await Factory.CreateUserClientAsync(NewEmail("profil"), PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));

        var saved = await PostAsync(client, "/mon-entreprise/profil", "/mon-entreprise/profil",
            [new("SizeCode", "PME"), new("SectorCode", "INDUSTRIE"), new("Address", "1 rue de test"), new("City", "Montceau-les-Mines"), .. PublicationItems.Labels.Select(l => new KeyValuePair<string, string>("Consents", l.Key))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Montceau-les-Mines", await AnonymousAsync(url));
    }

    [Fact]
    public async Task Publishing_and_unpublishing_content_show_on_the_next_list()
    {
        const string url = "/actualites";
        Assert.DoesNotContain("Brève publiée pour le cache", await CachedAsync(url));

        var id = await ContentSeed.PublishAsync(Factory, ContentKind.Actualite, "Brève publiée pour le cache", "Le texte de la brève.");

        Assert.Contains("Brève publiée pour le cache", await CachedAsync(url));
        await WithContentAsync(async (service, db) => await service.UnpublishAsync(await db.Items.SingleAsync(i => i.Id == id), archive: false, CancellationToken.None));
        Assert.DoesNotContain("Brève publiée pour le cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task A_scheduled_publication_shows_on_the_next_list_once_the_job_has_run()
    {
        const string url = "/actualites?page=1";
        var id = await ContentSeed.PublishAsync(Factory, ContentKind.Actualite, "Brève programmée pour le cache", "Texte programmé.", publish: false);
        await WithContentAsync(async (service, db) => await service.PublishAsync(await db.Items.SingleAsync(i => i.Id == id), DateTimeOffset.UtcNow.AddMilliseconds(300), null, CancellationToken.None));
        Assert.DoesNotContain("Brève programmée pour le cache", await CachedAsync(url));
        await Task.Delay(400);

        var done = await WithContentAsync((service, _) => service.RunScheduleAsync(CancellationToken.None));

        Assert.True(done >= 1);
        Assert.Contains("Brève programmée pour le cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task A_territorial_kit_contact_shows_on_the_next_kit_page()
    {
        const string url = "/territoires/76";
        Assert.DoesNotContain("Mission locale rouennaise du cache", await CachedAsync(url));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent76"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "76"));

        var added = await PortalFactory.PostFormAsync(referent, "/admin/territoires/76", "/admin/territoires/76/contacts", new()
        {
            ["Contact.Structure"] = "mission-locale",
            ["Contact.Name"] = "Mission locale rouennaise du cache",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Mission locale rouennaise du cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task Validating_a_club_shows_it_on_the_next_departement_page()
    {
        var club = await AddClubAsync(Factory, "72", "Club sarthois validé pour le cache", ClubStatus.Proposed);
        const string url = "/clubs/72";
        Assert.DoesNotContain("Club sarthois validé pour le cache", await CachedAsync(url));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent72"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "72"));

        var validated = await PortalFactory.PostFormAsync(referent, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/valider", []);

        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Contains("Club sarthois validé pour le cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task Scheduling_a_meeting_shows_it_on_the_next_club_page()
    {
        var club = await AddClubAsync(Factory, "73", "Club savoyard du cache");
        const string url = "/clubs/73";
        Assert.DoesNotContain("Rencontre savoyarde du cache", await CachedAsync(url));
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur73"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var fields = new Dictionary<string, string> { ["Title"] = "Rencontre savoyarde du cache", ["Date"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), ["Start"] = "09:00", ["End"] = "10:00", ["Place"] = "Chambéry", ["Agenda"] = "Tour de table", ["Capacity"] = "10" };

        var scheduled = await PortalFactory.PostFormAsync(animator, $"/admin/clubs/{club.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/nouvelle", fields);

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains("Rencontre savoyarde du cache", await AnonymousAsync(url));
    }

    [Fact]
    public async Task Validating_indicator_values_moves_the_next_open_data_answer()
    {
        var campaign = await Indicators.IndicatorsTestSupport.AddCampaignAsync(Factory, "2029-T3");
        var definition = (await Indicators.IndicatorsTestSupport.DefinitionsAsync(Factory))["EMPLOIS_FRANCS"];
        var url = "/api/v1/indicateurs/valeurs?indicateur=emplois_francs&periode=2029-T3&departement=74";
        Assert.Equal(0, ContributorsIn(await CachedAsync(url)));
        var companyId = await Indicators.IndicatorsTestSupport.AddCompanyAsync(Factory, "Décolletage Indicateurs du Cache", "74300");

        await Indicators.IndicatorsTestSupport.ReportAsync(Factory, campaign, SubjectKind.Company, companyId, "74", new Dictionary<Guid, decimal> { [definition.Id] = 4 }, SubmissionStatus.Validated);

        Assert.Equal(1, ContributorsIn(await AnonymousAsync(url)));
    }

    [Fact]
    public async Task Switching_the_theme_reaches_the_next_anonymous_visitor()
    {
        Assert.Contains("data-theme=\"dsfr\"", await CachedAsync("/"));
        var admin = await Factory.CreateAdminClientAsync();
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SaveThemeAsync(admin, "Communaute")).StatusCode);
            Assert.Contains("data-theme=\"communaute\"", await AnonymousAsync("/"));
        }
        finally
        {
            await SaveThemeAsync(admin, "Dsfr");
        }

        Assert.Contains("data-theme=\"dsfr\"", await AnonymousAsync("/"));
    }

    [Fact]
    public async Task A_signed_in_page_is_never_served_to_another_visitor_nor_a_shared_one_to_them()
    {
        var admin = await Factory.CreateAdminClientAsync();
        var personal = await admin.GetAsync("/tableau-de-bord");
        var anonymous = await CachedAsync("/tableau-de-bord");
        var personalAgain = await admin.GetAsync("/tableau-de-bord");

        Assert.Contains("Mon espace", await personal.Content.ReadAsStringAsync());
        Assert.Null(personal.Headers.Age);
        Assert.DoesNotContain("Mon espace", anonymous);
        Assert.Contains("Se connecter", anonymous);
        Assert.Null(personalAgain.Headers.Age);
        Assert.Contains("Mon espace", await personalAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_holding_a_form_token_is_never_cached()
    {
        await AddClubAsync(Factory, "29", "Club finistérien de la lettre");
        var client = Factory.CreateClient();

        var first = await client.GetAsync("/clubs/29/lettre");
        var second = await Factory.CreateClient().GetAsync("/clubs/29/lettre");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("__RequestVerificationToken", await second.Content.ReadAsStringAsync());
        Assert.Null(second.Headers.Age);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("no-store", second.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_personal_message_is_shown_to_its_visitor_only()
    {
        const string url = "/clubs/44";
        await CachedAsync(url);
        var leaving = await Factory.CreateUserClientAsync(NewEmail("depart"), PortalRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(leaving, "/compte/fermer", "/compte/fermer", new() { ["Password"] = PortalFactory.AdminPassword })).StatusCode);

        var theirs = await leaving.GetAsync(url);
        var someoneElse = await AnonymousAsync(url);

        Assert.Contains("Votre compte est fermé", WebUtility.HtmlDecode(await theirs.Content.ReadAsStringAsync()));
        Assert.Null(theirs.Headers.Age);
        Assert.DoesNotContain("Votre compte est fermé", WebUtility.HtmlDecode(someoneElse));
    }

    [Fact]
    public async Task Switched_off_by_configuration_every_answer_is_built_again()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:OutputCache:Enabled"] = "false" });
        try
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            var again = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Null(again.Headers.Age);
        }
        finally
        {
            factory.Dispose();
            PortalFixture.TryDelete(factory.DataDirectory);
        }
    }

    /// <summary>Reads the page twice as an anonymous visitor and checks the second answer came from the cache.</summary>
    private async Task<string> CachedAsync(string url)
    {
        var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var second = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, url + " n’est pas servie depuis le cache de sortie");
        return WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
    }

    private async Task<string> AnonymousAsync(string url)
    {
        var response = await Factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static int ContributorsIn(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("valeurs").EnumerateArray().Sum(r => r.GetProperty("contributeurs").GetInt32());
    }

    private static Task<HttpResponseMessage> SaveThemeAsync(HttpClient admin, string theme)
        => PortalFactory.PostFormAsync(admin, "/admin/parametres", "/admin/parametres", new()
        {
            ["PublicTheme"] = theme,
            ["AccessibilityStatus"] = "partiellement conforme",
            ["ContactEmail"] = "contact@exemple.gouv.fr",
        });

    private async Task<T> WithContentAsync<T>(Func<ContentService, ContentDbContext, Task<T>> action)
    {
        using var scope = Factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentService>(), scope.ServiceProvider.GetRequiredService<ContentDbContext>());
    }

    private Task<int> WithContentAsync(Func<ContentService, ContentDbContext, Task> action) => WithContentAsync(async (s, db) => { await action(s, db); return 0; });
}
