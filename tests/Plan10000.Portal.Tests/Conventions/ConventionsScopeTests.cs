using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Conventions.ConventionsTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>Every action of the back office, tried by someone outside the scope with a valid token (forged post) or an edited URL.</summary>
public sealed class ConventionsScopeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Only_referents_of_the_departement_manage_its_conventions_and_animators_only_read_their_clubs()
    {
        var club = await AddClubAsync(Factory, "25", "Club du Doubs");
        var otherClub = await AddClubAsync(Factory, "25", "Autre club du Doubs");
        var company = await AddCompanyAsync(Factory, "Horlogerie de Besançon", "25000", CompanyStatus.Approved);
        var draft = await AddConventionAsync(Factory, ConventionKind.StateClub, "25", club.Name, ConventionStatus.Draft, DateTime.UtcNow.Date, DateTime.UtcNow.Date.AddYears(2), club.Id, more: c => c.ThemeNumeros = "1");
        var signed = await AddConventionAsync(Factory, ConventionKind.StateClub, "25", club.Name, ConventionStatus.Signed, DateTime.UtcNow.Date.AddYears(-1), DateTime.UtcNow.Date.AddYears(1), club.Id);
        var paqte = await AddConventionAsync(Factory, ConventionKind.Paqte, "25", company.Name, ConventionStatus.Signed, DateTime.UtcNow.Date, DateTime.UtcNow.Date.AddYears(3), companyId: company.Id, more: c => c.Objectives.Add(new PaqteObjective { ConventionId = c.Id, Axis = PaqteAxis.Former, Indicator = "Contrats", Year = 2026, Target = 5 }));
        var charter = await AddConventionAsync(Factory, ConventionKind.LegacyCharter, "25", company.Name, ConventionStatus.Signed, new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2019, 12, 31, 0, 0, 0, DateTimeKind.Utc), companyId: company.Id);
        var objectiveId = paqte.Objectives[0].Id;
        var outsider = await Factory.CreateUserClientAsync(NewEmail("referent39"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "39"));
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur25"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var otherAnimator = await Factory.CreateUserClientAsync(NewEmail("animateur25b"), PortalRoles.ClubAnimator, (ScopeClaims.Club, otherClub.Id.ToString()));
        var companyUser = await Factory.CreateUserClientAsync(NewEmail("entreprise25"), PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent25"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "25"));
        var tokenPage = "/admin/conventions/club/nouvelle";
        var animatorTokenPage = $"/admin/clubs/{club.Id}/rencontres/nouvelle";
        var actions = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/admin/conventions/club/nouvelle", new() { ["ClubId"] = club.Id.ToString(), ["Title"] = "Forgée" }),
            ("/admin/conventions/paqte/nouvelle", new() { ["CompanyId"] = company.Id.ToString(), ["StartsOn"] = "2027-01-01", ["Axes"] = "Former", ["IsSme"] = "true" }),
            ("/admin/conventions/chartes/nouvelle", new() { ["CompanyId"] = company.Id.ToString(), ["StartsOn"] = "2016-01-01", ["EndsOn"] = "2019-01-01" }),
            ($"/admin/conventions/{draft.Id}/modifier", new() { ["Title"] = "Forgée" }),
            ($"/admin/conventions/{draft.Id}/signataires", new() { ["Side"] = "State", ["Name"] = "Forgé", ["Quality"] = "Forgé", ["SignedOn"] = "2026-01-01" }),
            ($"/admin/conventions/{draft.Id}/signer", new()),
            ($"/admin/conventions/{signed.Id}/avenants", new() { ["Title"] = "Forgé", ["Text"] = "Forgé", ["SignedOn"] = "2026-01-01" }),
            ($"/admin/conventions/{paqte.Id}/objectifs", new() { ["resultat-" + objectiveId] = "99" }),
            ($"/admin/conventions/{charter.Id}/transition", new() { ["paqteId"] = paqte.Id.ToString() }),
            ("/admin/conventions/bilans/25/2026/2", new() { ["Examples"] = "Forgé" }),
        };

        foreach (var (url, fields) in actions)
        {
            var forged = await PortalFactory.PostForgedAsync(outsider, tokenPage, tokenPage, url, new(fields));
            Assert.True(forged.StatusCode == HttpStatusCode.Forbidden, $"{url} : {forged.StatusCode} pour un référent d’un autre département");
            var fromAnimator = await PostAsync(animator, animatorTokenPage, url, fields);
            Assert.True(fromAnimator.StatusCode == HttpStatusCode.Forbidden, $"{url} : {fromAnimator.StatusCode} pour l’animateur");
        }

        var reads = new[] { $"/admin/conventions/{draft.Id}", $"/admin/conventions/{signed.Id}/document", $"/admin/conventions/{paqte.Id}", "/admin/conventions/bilans/25/2026/2", "/admin/conventions/bilans/25/2026/2/export.csv", "/admin/conventions/paqte/nouvelle?departement=25" };
        foreach (var url in reads)
        {
            Assert.True((await outsider.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        }

        foreach (var url in new[] { "/admin/conventions/club/nouvelle", "/admin/conventions/paqte/nouvelle", "/admin/conventions/chartes/nouvelle", "/admin/conventions/echeances", "/admin/conventions/chartes", "/admin/conventions/bilans", "/admin/conventions/bilans/25/2026/2" })
        {
            Assert.True((await animator.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url + " pour l’animateur");
        }

        Assert.DoesNotContain(company.Name, System.Net.WebUtility.HtmlDecode(await outsider.GetStringAsync("/admin/conventions/chartes")));
        Assert.DoesNotContain("/bilans/25/", await outsider.GetStringAsync("/admin/conventions/bilans"));
        Assert.Equal(HttpStatusCode.OK, (await animator.GetAsync($"/admin/conventions/{signed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await animator.GetAsync($"/admin/conventions/{signed.Id}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.GetAsync($"/admin/conventions/{paqte.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAnimator.GetAsync($"/admin/conventions/{signed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await companyUser.GetAsync("/admin/conventions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await companyUser.GetAsync($"/admin/conventions/{signed.Id}/document")).StatusCode);
        Assert.DoesNotContain("Signer la convention", await animator.GetStringAsync($"/admin/conventions/{draft.Id}"));
        var animatorList = await animator.GetStringAsync("/admin/conventions");
        Assert.DoesNotContain("/admin/conventions/echeances", animatorList);
        Assert.DoesNotContain("/admin/conventions/bilans", animatorList);
        Assert.Contains("/admin/conventions/bilans", await referent.GetStringAsync($"/admin/conventions/{draft.Id}"));
        Assert.Contains(signed.Id.ToString(), animatorList);
        Assert.DoesNotContain(paqte.Id.ToString(), animatorList);
        Assert.DoesNotContain(draft.Id.ToString(), await outsider.GetStringAsync("/admin/conventions"));

        // Nothing changed, and the right referent can act.
        Assert.False(await WithConventionsDbAsync(Factory, db => db.Conventions.AnyAsync(c => c.Title == "Forgée" || c.Title.Contains("Horlogerie") && c.Kind == ConventionKind.Paqte && c.Id != paqte.Id)));
        Assert.Empty(await WithConventionsDbAsync(Factory, db => db.Signatories.Where(s => s.ConventionId == draft.Id).ToListAsync()));
        Assert.Empty(await WithConventionsDbAsync(Factory, db => db.Amendments.Where(a => a.ConventionId == signed.Id).ToListAsync()));
        Assert.Null(await WithConventionsDbAsync(Factory, db => db.Objectives.Where(o => o.Id == objectiveId).Select(o => o.Result).SingleAsync()));
        Assert.Null(await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == charter.Id).Select(c => c.TransitionConventionId).SingleAsync()));
        Assert.False(await WithConventionsDbAsync(Factory, db => db.Reports.AnyAsync()));
        Assert.Equal(ConventionStatus.Draft, await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == draft.Id).Select(c => c.Status).SingleAsync()));
        var ok = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{paqte.Id}", $"/admin/conventions/{paqte.Id}/objectifs", new() { ["resultat-" + objectiveId] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(4, await WithConventionsDbAsync(Factory, db => db.Objectives.Where(o => o.Id == objectiveId).Select(o => o.Result).SingleAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_signs_nothing()
    {
        var club = await AddClubAsync(Factory, "26", "Club de la Drôme");
        var draft = await AddConventionAsync(Factory, ConventionKind.StateClub, "26", club.Name, ConventionStatus.Draft, DateTime.UtcNow.Date, DateTime.UtcNow.Date.AddYears(2), club.Id);
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent26"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "26"));

        var response = await referent.PostAsync($"/admin/conventions/{draft.Id}/signer", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ConventionStatus.Draft, await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == draft.Id).Select(c => c.Status).SingleAsync()));
    }
}
