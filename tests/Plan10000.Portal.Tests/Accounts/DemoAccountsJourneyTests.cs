using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

/// <summary>A demo portal, shared by the journeys below: each demo account signs in with the password of comptes-demo.txt.</summary>
public sealed class DemoPortalFixture : IDisposable
{
    public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });

    public async Task<HttpClient> SignInAsync(string email)
    {
        // The client first: it starts the portal, whose demo seeder writes the file (the first test to run found none).
        var client = Factory.CreateBrowserLikeClient();
        var line = File.ReadAllLines(Path.Combine(Factory.DataDirectory, "comptes-demo.txt")).Single(l => l.Contains(email, StringComparison.Ordinal));
        var password = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var response = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<ClubInfo> ClubOfAsync(string departement)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IClubsQuery>().GetClubsAsync(departement)).Single();
    }

    public void Dispose()
    {
        Factory.Dispose();
        PortalFixture.TryDelete(Factory.DataDirectory);
    }
}

/// <summary>Issue 17: every demo account reaches every space its role promises, and is refused outside it.</summary>
public sealed class DemoAccountsJourneyTests(DemoPortalFixture demo) : IClassFixture<DemoPortalFixture>
{
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} : {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [Fact]
    public async Task The_Paris_referent_reaches_the_back_office_and_his_departements_companies_only()
    {
        var referent = await demo.SignInAsync("referent.paris@demo.invalid");

        await PageAsync(referent, "/admin");
        Assert.Contains("Blés d’Or", await PageAsync(referent, "/admin/fiches-navettes"));
        await PageAsync(referent, "/admin/indicateurs/tableau-de-bord/departement/75");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(referent, "/admin/indicateurs/tableau-de-bord/departement/13"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(referent, "/admin/parametres"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(referent, "/admin/lettres"));
    }

    [Fact]
    public async Task The_editor_reaches_the_content_back_office_and_not_the_clubs()
    {
        var editor = await demo.SignInAsync("redaction@demo.invalid");

        await PageAsync(editor, "/admin/contenus");
        await PageAsync(editor, "/admin/medias");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(editor, "/admin/clubs"));
    }

    [Fact]
    public async Task The_intermediation_actor_reaches_the_fiches_navettes_of_his_departement_and_not_the_moderation()
    {
        var actor = await demo.SignInAsync("mission-locale.nord@demo.invalid");

        Assert.Contains("Fiches navettes", await PageAsync(actor, "/admin"));
        await PageAsync(actor, "/admin/fiches-navettes");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(actor, "/admin/entreprises"));
    }

    [Fact]
    public async Task The_Gironde_animator_opens_his_club_and_its_newsletters_and_sends_himself_a_test()
    {
        var club = await demo.ClubOfAsync("33");
        var paris = await demo.ClubOfAsync("75");
        var animator = await demo.SignInAsync("animateur.gironde@demo.invalid");

        Assert.Contains(club.Name, await PageAsync(animator, "/admin/clubs"));
        await PageAsync(animator, $"/admin/clubs/{club.Id}");
        await PageAsync(animator, $"/admin/clubs/{club.Id}/rencontres/nouvelle");
        var letters = await PageAsync(animator, "/admin/lettres");
        Assert.DoesNotContain("Vous n’animez aucun club actif", letters);
        Assert.Contains(club.Name, letters);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, $"/admin/clubs/{paris.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, $"/admin/lettres/nouvelle?club={paris.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, "/admin/jobs"));

        var created = await PortalFactory.PostFormAsync(animator, "/admin/lettres/nouvelle?club=" + club.Id, "/admin/lettres/nouvelle",
            new() { ["ClubId"] = club.Id.ToString(), ["Subject"] = "Lettre de démonstration", ["Body"] = "Bonjour à tous les membres." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var show = await PageAsync(animator, page);
        // The demo member companies have a contact address: the audience is not only the (absent) subscribers.
        Assert.Matches("Cette lettre partira vers [1-9][0-9]* destinataires? : [1-9][0-9]* adresses? d’entreprises? membres? et [0-9]+ abonnés? confirmés?[.]", show);
        var test = await PortalFactory.PostFormAsync(animator, page, page + "/test", []);
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        Assert.StartsWith("/lettre/desinscription", await demo.Factory.WaitForMailLinkAsync("animateur.gironde@demo.invalid", "[Test] Lettre de démonstration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_without_the_confirmation_box_answers_400_sends_nothing_and_keeps_what_was_typed()
    {
        var club = await demo.ClubOfAsync("33");
        var animator = await demo.SignInAsync("animateur.gironde@demo.invalid");
        var created = await PortalFactory.PostFormAsync(animator, "/admin/lettres/nouvelle?club=" + club.Id, "/admin/lettres/nouvelle",
            new() { ["ClubId"] = club.Id.ToString(), ["Subject"] = "Lettre à confirmer", ["Body"] = "Texte." });
        var page = created.Headers.Location!.OriginalString;
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var refused = await PortalFactory.PostFormAsync(animator, page, page + "/envoyer", new() { ["Date"] = tomorrow, ["Time"] = "09:30" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Cochez la case pour confirmer l’envoi", html);
        Assert.Contains(tomorrow, html);
        Assert.Contains($"action=\"{page}/envoyer\"", await PageAsync(animator, page)); // still a draft
        var confirmed = await PortalFactory.PostFormAsync(animator, page, page + "/envoyer", new() { ["Date"] = tomorrow, ["Time"] = "09:30", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain($"action=\"{page}/envoyer\"", await PageAsync(animator, page));
    }

    [Fact]
    public async Task The_animators_dashboard_and_menu_offer_nothing_that_answers_403()
    {
        var animator = await demo.SignInAsync("animateur.gironde@demo.invalid");
        var admin = await demo.Factory.CreateAdminClientAsync();

        var dashboard = await PageAsync(animator, "/admin");

        Assert.DoesNotContain("Tâches planifiées", dashboard);
        Assert.DoesNotContain("href=\"/admin/jobs\"", dashboard);
        Assert.Contains("Tâches planifiées", await PageAsync(admin, "/admin"));
        foreach (var link in System.Text.RegularExpressions.Regex.Matches(dashboard, "href=\"(/admin[^\"#?]*)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.True(await StatusAsync(animator, link) != HttpStatusCode.Forbidden, link + " répond 403 à l’animateur");
        }
    }

    [Fact]
    public async Task An_animator_account_with_only_a_departement_claim_reaches_the_clubs_of_that_departement_as_their_animator_and_nothing_else()
    {
        var club = await demo.ClubOfAsync("33");
        var paris = await demo.ClubOfAsync("75");
        var animator = await demo.Factory.CreateUserClientAsync("animateur.sans-club@test.gouv.fr", PortalRoles.ClubAnimator, (ScopeClaims.Departement, "33"));

        Assert.Contains(club.Name, await PageAsync(animator, "/admin/lettres"));
        await PageAsync(animator, $"/admin/lettres/nouvelle?club={club.Id}");
        await PageAsync(animator, $"/admin/clubs/{club.Id}/rencontres/nouvelle");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, $"/admin/lettres/nouvelle?club={paris.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, $"/admin/clubs/{paris.Id}"));
        // His département claim is no referent's scope: he cannot validate or designate there.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(animator, "/admin/indicateurs/tableau-de-bord/departement/33"));
    }
}
