using Microsoft.Playwright;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Clubs;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ClubsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_referent_creates_a_club_a_company_joins_the_animator_runs_a_meeting_and_a_decision_becomes_a_commitment()
    {
        const string clubName = "Club des entreprises du Finistère";
        var companyId = await ClubsScenarioSupport.AddApprovedCompanyAsync(fixture.Factory, "Conserverie de Douarnenez", "29100");
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "referent.29@navigateur.test", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "29"));
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "contact@conserverie.test", PortalRoles.Company, (ScopeClaims.Company, companyId.ToString()));
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "animatrice@club29.test", PortalRoles.Company);

        // The referent creates the club and names its animator.
        var referent = await SignInAsync("referent.29@navigateur.test");
        var main = referent.Locator("main");
        await referent.GotoAsync(fixture.BaseUrl + "/admin/clubs/nouveau");
        await referent.GetByLabel("Nom du club").FillAsync(clubName);
        await referent.GetByLabel("Description").FillAsync("Les entreprises engagées du Finistère.");
        await referent.GetByLabel("Département").SelectOptionAsync("29");
        await referent.GetByLabel("Référents de l’État à contacter").FillAsync("Préfecture du Finistère, bureau de l’emploi");
        await referent.GetByLabel("Adresse électronique de contact").FillAsync("club29@exemple.fr");
        await main.GetByRole(AriaRole.Button, new() { Name = "Créer le club" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("est créé");
        await referent.GetByLabel("Adresse du compte de l’animateur").FillAsync("animatrice@club29.test");
        await main.GetByRole(AriaRole.Button, new() { Name = "Désigner comme animateur" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("anime désormais le club");

        // The company asks to join from the club page.
        var company = await SignInAsync("contact@conserverie.test");
        await company.GotoAsync(fixture.BaseUrl + "/clubs/29");
        await company.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Demander à adhérer au club" }).ClickAsync();
        await Assertions.Expect(company.Locator("main")).ToContainTextAsync("Demande d’adhésion en attente");

        // The animator accepts it and schedules a meeting.
        var animator = await SignInAsync("animatrice@club29.test");
        main = animator.Locator("main");
        await animator.GotoAsync(fixture.BaseUrl + "/mon-club");
        await main.GetByRole(AriaRole.Button, new() { Name = "Accepter Conserverie de Douarnenez" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("La demande est acceptée.");
        await main.GetByRole(AriaRole.Link, new() { Name = "Programmer une rencontre" }).ClickAsync();
        await animator.GetByLabel("Objet").FillAsync("Rencontre de rentrée");
        await animator.GetByLabel("Date").FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"));
        await animator.GetByLabel("Heure de début").FillAsync("09:30");
        await animator.GetByLabel("Heure de fin").FillAsync("11:00");
        await animator.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Mairie de Quimper");
        await animator.GetByLabel("Ordre du jour").FillAsync("Accueil ; engagements ; questions diverses");
        await animator.GetByLabel("Nombre de places").FillAsync("20");
        await main.GetByRole(AriaRole.Button, new() { Name = "Programmer la rencontre" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("est programmée");
        var meetingUrl = animator.Url;

        await company.GotoAsync(fixture.BaseUrl + "/clubs/29");
        await company.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Inscrire mon entreprise" }).ClickAsync();
        await Assertions.Expect(company.Locator("main")).ToContainTextAsync("Votre entreprise est inscrite");

        // After the meeting: minutes with attendance, then a decision that becomes a commitment.
        await ClubsScenarioSupport.MoveMeetingsToPastAsync(fixture.Factory, clubName);
        await animator.GotoAsync(meetingUrl);
        await animator.Locator("#f-Minutes").FillAsync("Chaque membre a présenté ses engagements.");
        await main.Locator("label", new() { HasText = "Conserverie de Douarnenez" }).ClickAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Le compte rendu est enregistré");
        await animator.Locator("#f-Text").FillAsync("Accueillir deux apprentis en septembre");
        await animator.GetByLabel("Entreprise qui s’engage (facultatif)").SelectOptionAsync(companyId.ToString());
        await animator.GetByLabel("Thématique de l’engagement").SelectOptionAsync("4");
        await animator.GetByLabel("Intention chiffrée (facultatif)").FillAsync("2");
        await main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("ajoutée à la fiche navette");

        Assert.True(await ClubsScenarioSupport.HasCommitmentAsync(fixture.Factory, companyId, "Accueillir deux apprentis en septembre"));
        await company.GotoAsync(fixture.BaseUrl + "/clubs/29");
        await Assertions.Expect(company.Locator("main")).ToContainTextAsync("Chaque membre a présenté ses engagements.");
    }

    [Theory]
    [InlineData("/clubs")]
    [InlineData("/clubs/29")]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_club_pages(string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + url);

        var serious = await page.SeriousViolationsAsync();

        Assert.Empty(serious);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(PortalFactory.AdminPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));
        return page;
    }
}
