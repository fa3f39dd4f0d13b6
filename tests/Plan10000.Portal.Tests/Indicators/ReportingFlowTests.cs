using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>The whole path through the pages: a company reports, the referent reviews, validates and corrects; definitions and campaigns by the national admin.</summary>
public sealed class ReportingFlowTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_company_reports_the_referent_reviews_and_validates_and_the_dashboard_follows()
    {
        var companyId = await AddCompanyAsync(Factory, "Menuiserie Flux", "64000");
        var campaign = await AddCampaignAsync(Factory, "2028-T2");
        var definitions = await DefinitionsAsync(Factory);
        var stages = definitions["STAGES_3E_QPV_ACCUEILLIS"];
        var intentions = definitions["ALTERNANCE_INTENTIONS"];
        var results = definitions["ALTERNANCE_RECRUTES"];
        var company = await Factory.CreateUserClientAsync(NewEmail("entreprise"), PortalRoles.Company, (ScopeClaims.Company, companyId.ToString()));
        var url = "/mon-entreprise/indicateurs/" + campaign.Id;

        // The company space links to the campaign form, the list of campaigns too.
        Assert.Contains(url, await company.GetStringAsync("/mon-entreprise"));
        Assert.Contains(WebUtility.HtmlEncode(campaign.Name), await company.GetStringAsync("/mon-entreprise/indicateurs"));

        // Bad input: 400, French message next to the field, everything typed kept.
        var bad = await PortalFactory.PostFormAsync(company, url, url, new()
        {
            [ValuesForms.FieldName(stages.Id)] = "douze",
            [ValuesForms.FieldName(intentions.Id)] = "8",
            ["intent"] = "enregistrer",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(Formats.NumberError), badHtml);
        Assert.Contains("value=\"douze\"", badHtml);
        Assert.Contains("value=\"8\"", badHtml);
        Assert.False(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.AnyAsync(v => v.SubjectId == companyId)));

        var sent = await PortalFactory.PostFormAsync(company, url, url, new()
        {
            [ValuesForms.FieldName(stages.Id)] = "12",
            [ValuesForms.FieldName(intentions.Id)] = "8",
            [ValuesForms.FieldName(results.Id)] = "6",
            ["intent"] = "transmettre",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var submission = await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.SubjectId == companyId));
        Assert.Equal(SubmissionStatus.Submitted, submission.Status);
        var linked = await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.Where(v => v.SubjectId == companyId && v.DefinitionId == intentions.Id).Select(v => v.CommitmentId).SingleAsync());
        Assert.NotNull(linked);

        // Once transmitted, the company can no longer change it.
        var late = await PortalFactory.PostFormAsync(company, "/mon-entreprise/indicateurs/" + campaign.Id, url, new() { [ValuesForms.FieldName(stages.Id)] = "99", ["intent"] = "enregistrer" });
        Assert.False(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.AnyAsync(v => v.SubjectId == companyId && v.Value == 99)));
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains("réalisé / intention : 75,0 %", WebUtility.HtmlDecode(await company.GetStringAsync(url)));

        var referent = await Factory.CreateUserClientAsync(NewEmail("referent64"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "64"));
        var dashboardUrl = "/admin/indicateurs/tableau-de-bord/departement/64?periode=2028-T2";
        Assert.DoesNotContain("STAGES_3E_QPV_ACCUEILLIS", await referent.GetStringAsync(dashboardUrl));
        var page = "/admin/indicateurs/soumissions/" + submission.Id;
        var action = page + "/etat";
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(referent, page, action, new() { ["to"] = "Reviewed" })).StatusCode);

        // Skipping a step or going back to « submitted » is refused with a French message.
        var wrong = await PortalFactory.PostFormAsync(referent, page, action, new() { ["to"] = "Submitted" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("ne peut pas passer à cet état", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(referent, page, action, new() { ["to"] = "Validated", ["comment"] = "Conforme" })).StatusCode);
        var dashboard = await referent.GetStringAsync(dashboardUrl);
        Assert.Contains("STAGES_3E_QPV_ACCUEILLIS", dashboard);
        Assert.Contains("12 élèves", dashboard);
        // 6 recruited of 8 intended, on the year.
        Assert.Contains("75,0 %", await referent.GetStringAsync("/admin/indicateurs/tableau-de-bord/departement/64?periode=2028"));

        var review = WebUtility.HtmlDecode(await referent.GetStringAsync(page));
        Assert.Contains("Conforme", review);
        Assert.Equal(
            [SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Validated],
            await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Transitions.Where(t => t.SubmissionId == submission.Id).OrderBy(t => t.AtUtc).Select(t => t.To).ToListAsync()));

        // A correction by the referent supersedes the value and shows at once; the history keeps both.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(referent, page, page + "/valeurs", new() { [ValuesForms.FieldName(stages.Id)] = "14" })).StatusCode);
        Assert.Contains("14 élèves", await referent.GetStringAsync(dashboardUrl));
        Assert.Equal(2, await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.CountAsync(v => v.SubjectId == companyId && v.DefinitionId == stages.Id)));
    }

    [Fact]
    public async Task National_admins_add_definitions_with_validation_in_french_and_open_campaigns()
    {
        var admin = await Factory.CreateAdminClientAsync();
        var bad = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/nouveau", "/admin/indicateurs/nouveau", new()
        {
            ["Code"] = "pas un code",
            ["Label"] = "Libellé gardé",
            ["Unit"] = "jeunes",
            ["Kind"] = "Result",
            ["Periodicity"] = "Quarter",
            ["NationalTarget"] = "beaucoup",
            ["DepartementTargets"] = "99=12",
        });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Le code compte 2 à 40 lettres", html);
        Assert.Contains("Choisissez la thématique.", html);
        Assert.Contains("La cible nationale est un nombre positif", html);
        Assert.Contains("sous la forme « 33=150 »", html);
        Assert.Contains("Libellé gardé", html);

        var created = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/nouveau", "/admin/indicateurs/nouveau", new()
        {
            ["Code"] = "visites_entreprise",
            ["Label"] = "Visites d’entreprise pour des demandeurs d’emploi",
            ["Theme"] = "11",
            ["Unit"] = "visiteurs",
            ["Kind"] = "Result",
            ["Periodicity"] = "Quarter",
            ["NationalTarget"] = "15 000",
            ["DepartementTargets"] = "33=150\n2A=20",
            ["Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var definition = (await DefinitionsAsync(Factory))["VISITES_ENTREPRISE"];
        Assert.Contains("VISITES_ENTREPRISE", await admin.GetStringAsync("/admin/indicateurs"));
        var edit = await admin.GetStringAsync($"/admin/indicateurs/{definition.Id}/modifier");
        Assert.Contains("33=150", edit);
        Assert.Equal(15_000m, definition.NationalTarget);
        Assert.Equal(2, await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().DepartementTargets.CountAsync(t => t.DefinitionId == definition.Id)));

        var duplicate = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/nouveau", "/admin/indicateurs/nouveau", new()
        {
            ["Code"] = "VISITES_ENTREPRISE", ["Label"] = "Doublon", ["Theme"] = "11", ["Unit"] = "x", ["Kind"] = "Result", ["Periodicity"] = "Year",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Ce code est déjà utilisé", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));

        var badCampaign = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/campagnes", "/admin/indicateurs/campagnes", new() { ["Name"] = "PAQTE", ["Period"] = "2027-T1", ["Paqte"] = "true", ["OpensOn"] = "2027-04-01", ["DueOn"] = "2027-03-01" });
        var campaignHtml = WebUtility.HtmlDecode(await badCampaign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badCampaign.StatusCode);
        Assert.Contains("Une campagne PAQTE est semestrielle", campaignHtml);
        Assert.Contains("La date limite suit la date d’ouverture.", campaignHtml);

        var campaign = await PortalFactory.PostFormAsync(admin, "/admin/indicateurs/campagnes", "/admin/indicateurs/campagnes", new() { ["Name"] = "PAQTE premier semestre", ["Period"] = "2027-S1", ["Paqte"] = "true", ["OpensOn"] = "2027-01-01", ["DueOn"] = "2027-07-15" });
        Assert.Equal(HttpStatusCode.Redirect, campaign.StatusCode);
        Assert.Contains("PAQTE premier semestre", await admin.GetStringAsync(campaign.Headers.Location!.OriginalString));

        // A referent does not hold the permission to define indicators or open campaigns.
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "33"));
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync("/admin/indicateurs/nouveau")).StatusCode);
        var valuesPage = "/admin/indicateurs/departements/33/valeurs?periode=2027-T1";
        var forged = await PortalFactory.PostForgedAsync(referent, valuesPage, valuesPage, "/admin/indicateurs/campagnes", new() { ["Name"] = "Forgée", ["Period"] = "2027-T1", ["OpensOn"] = "2027-01-01", ["DueOn"] = "2027-02-01" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Campaigns.AnyAsync(c => c.Name == "Forgée")));
    }

    [Fact]
    public async Task An_animator_reports_the_club_s_collective_actions_and_another_club_is_refused()
    {
        var club = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "56", "Club du Morbihan");
        var other = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "56", "Autre club du Morbihan");
        var campaign = await AddCampaignAsync(Factory, "2028-T3");
        var definition = (await DefinitionsAsync(Factory))["DEMARCHES_INNOVANTES"];
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur56"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var url = $"/mon-club/indicateurs/{campaign.Id}/{club.Id}";

        Assert.Contains(url, await animator.GetStringAsync("/admin/indicateurs/tableau-de-bord/club/" + club.Id));
        var sent = await PortalFactory.PostFormAsync(animator, url, url, new() { [ValuesForms.FieldName(definition.Id)] = "2", ["intent"] = "transmettre" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Submissions.Where(s => s.SubjectId == club.Id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.GetAsync($"/mon-club/indicateurs/{campaign.Id}/{other.Id}")).StatusCode);
        var forged = await PortalFactory.PostForgedAsync(animator, url, url, $"/mon-club/indicateurs/{campaign.Id}/{other.Id}", new() { [ValuesForms.FieldName(definition.Id)] = "9", ["intent"] = "transmettre" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Submissions.AnyAsync(s => s.SubjectId == other.Id)));
    }
}
