using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Conventions.ConventionsTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

public sealed class PaqteAndReportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Only_an_sme_keeps_some_axes_and_each_kept_axis_gets_yearly_targets_then_results()
    {
        var big = await AddCompanyAsync(Factory, "Grand Groupe du Gard", "30000", CompanyStatus.Approved);
        var sme = await AddCompanyAsync(Factory, "PME de Nîmes", "30900", CompanyStatus.Approved);
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent30"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "30"));
        var form = "/admin/conventions/paqte/nouvelle?departement=30";

        var refused = await PostAsync(referent, form, "/admin/conventions/paqte/nouvelle", [new("CompanyId", big.Id.ToString()), new("StartsOn", "2027-01-01"), new("Axes", "Former")]);
        var created = await PostAsync(referent, form, "/admin/conventions/paqte/nouvelle", [new("CompanyId", sme.Id.ToString()), new("StartsOn", "2027-01-01"), new("IsSme", "true"), new("Axes", "Sensibiliser"), new("Axes", "Acheter")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Seule une PME peut ne garder que certains axes", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var paqte = await WithConventionsDbAsync(Factory, db => db.Conventions.Include(c => c.Objectives).SingleAsync(c => c.CompanyId == sme.Id && c.Kind == ConventionKind.Paqte));
        Assert.Equal(new DateTime(2029, 12, 31), paqte.EndsOn);
        Assert.Equal([PaqteAxis.Sensibiliser, PaqteAxis.Acheter], paqte.Objectives.Select(o => o.Axis).Distinct().Order());
        Assert.Equal([2027, 2028, 2029], paqte.Objectives.Select(o => o.Year).Distinct().Order());
        var url = $"/admin/conventions/{paqte.Id}";
        var first = paqte.Objectives.OrderBy(o => o.Axis).ThenBy(o => o.Year).First();
        var moved = await PortalFactory.PostFormAsync(referent, url, url + "/modifier", new() { ["Title"] = paqte.Title, ["StartsOn"] = "2028-01-01", ["EndsOn"] = "2028-06-30" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var shifted = await WithConventionsDbAsync(Factory, db => db.Conventions.Include(c => c.Objectives).SingleAsync(c => c.Id == paqte.Id));
        Assert.Equal(new DateTime(2030, 12, 31), shifted.EndsOn);
        Assert.Equal([2028, 2029, 2030], shifted.Objectives.Select(o => o.Year).Distinct().Order());

        var bad = await PortalFactory.PostFormAsync(referent, url, url + "/objectifs", new() { ["cible-" + first.Id] = "douze" });
        var targets = await PortalFactory.PostFormAsync(referent, url, url + "/objectifs", new() { ["cible-" + first.Id] = "12" });
        await PortalFactory.PostFormAsync(referent, url, url + "/signataires", new() { ["Side"] = "State", ["Name"] = "Préfet du Gard", ["Quality"] = "Préfet", ["SignedOn"] = "2026-12-15" });
        await PortalFactory.PostFormAsync(referent, url, url + "/signataires", new() { ["Side"] = "Partner", ["Name"] = "Claire Dirigeante", ["Quality"] = "Gérante", ["SignedOn"] = "2026-12-15" });
        var signed = await PortalFactory.PostFormAsync(referent, url, url + "/signer", []);
        var results = await PortalFactory.PostFormAsync(referent, url, url + "/objectifs", new() { ["resultat-" + first.Id] = "9", ["cible-" + first.Id] = "1000" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Saisissez un nombre entier positif", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, targets.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, results.StatusCode);
        var stored = await WithConventionsDbAsync(Factory, db => db.Objectives.SingleAsync(o => o.Id == first.Id));
        Assert.Equal(12, stored.Target);
        Assert.Equal(9, stored.Result);
        Assert.Contains("Acheter de manière responsable et inclusive", WebUtility.HtmlDecode(await referent.GetStringAsync(url + "/document")));
    }

    [Fact]
    public async Task Charters_show_which_moved_to_paqte_and_which_are_late()
    {
        var onTime = await AddCompanyAsync(Factory, "Passée à temps", "31000", CompanyStatus.Approved);
        var late = await AddCompanyAsync(Factory, "Jamais passée", "31000", CompanyStatus.Approved);
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent31"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "31"));
        var form = "/admin/conventions/chartes/nouvelle?departement=31";
        await PostAsync(referent, form, "/admin/conventions/chartes/nouvelle", [new("CompanyId", onTime.Id.ToString()), new("StartsOn", "2016-05-01"), new("EndsOn", "2019-12-31")]);
        var missingEnd = await PostAsync(referent, form, "/admin/conventions/chartes/nouvelle", [new("CompanyId", late.Id.ToString()), new("StartsOn", "2016-05-01")]);
        await PostAsync(referent, form, "/admin/conventions/chartes/nouvelle", [new("CompanyId", late.Id.ToString()), new("StartsOn", "2016-05-01"), new("EndsOn", "2019-12-31")]);
        var paqte = await AddConventionAsync(Factory, ConventionKind.Paqte, "31", onTime.Name, ConventionStatus.Signed, new DateTime(2020, 1, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 1, 14, 0, 0, 0, DateTimeKind.Utc), companyId: onTime.Id);
        var charter = await WithConventionsDbAsync(Factory, db => db.Conventions.SingleAsync(c => c.CompanyId == onTime.Id && c.Kind == ConventionKind.LegacyCharter));

        var wrong = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{charter.Id}", $"/admin/conventions/{charter.Id}/transition", new() { ["paqteId"] = Guid.NewGuid().ToString() });
        var moved = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{charter.Id}", $"/admin/conventions/{charter.Id}/transition", new() { ["paqteId"] = paqte.Id.ToString() });
        var list = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/conventions/chartes"));

        Assert.Equal(HttpStatusCode.BadRequest, missingEnd.StatusCode);
        Assert.Contains("Indiquez la date de fin de la charte.", WebUtility.HtmlDecode(await missingEnd.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Passée au PAQTE le 15/01/2020", list);
        Assert.Contains("Non passée au PAQTE : en retard", list);
        Assert.Contains("2 charte(s) : 1 passée(s) au PAQTE, 1 en retard.", list);
    }

    [Fact]
    public async Task The_six_monthly_report_follows_the_circular_and_exports_csv()
    {
        var company = await AddCompanyAsync(Factory, "Signataire de l’Hérault", "34000", CompanyStatus.Approved);
        await AddConventionAsync(Factory, ConventionKind.Paqte, "34", company.Name, ConventionStatus.Signed, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2029, 1, 31, 0, 0, 0, DateTimeKind.Utc), companyId: company.Id, more: c =>
        {
            c.Objectives.Add(new PaqteObjective { ConventionId = c.Id, Axis = PaqteAxis.Sensibiliser, Indicator = "Stages de 3e", Year = 2026, Target = 10, Result = 7 });
            c.Objectives.Add(new PaqteObjective { ConventionId = c.Id, Axis = PaqteAxis.Sensibiliser, Indicator = "Stages de 3e", Year = 2027, Target = 12 });
        });
        await AddConventionAsync(Factory, ConventionKind.Paqte, "34", "Projet non signé", ConventionStatus.Draft, null, null, companyId: Guid.NewGuid());
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent34"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "34"));
        var url = "/admin/conventions/bilans/34/2026/1";

        var bad = await PortalFactory.PostFormAsync(referent, url, url, new() { ["QpvCount"] = "beaucoup", ["Examples"] = "Exemple gardé" });
        var saved = await PortalFactory.PostFormAsync(referent, url, url, new() { ["ReferentContact"] = "Mme Référente, sous-préfecture", ["FollowUpOrganisation"] = "Comité trimestriel", ["StrategyAndObstacles"] = "Peu de PME volontaires", ["PartnerAssociations"] = "Association Nos quartiers ont des talents", ["Examples"] = "Sept collégiens de REP+ accueillis", ["QpvCount"] = "19", ["PruCount"] = "4", ["QpvPopulation"] = "120000", ["DefmInQpv"] = "15000" });
        var page = WebUtility.HtmlDecode(await referent.GetStringAsync(url));
        var csvResponse = await referent.GetAsync(url + "/export.csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Exemple gardé", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("3. Entreprises signataires (1)", page);
        Assert.Contains("Signataire de l’Hérault", page);
        Assert.DoesNotContain("Projet non signé", page);
        Assert.Contains("Comité trimestriel", page);
        Assert.Contains("/conventions/impression.css", page);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("6. Contexte du département;Nombre de QPV;19", csv);
        Assert.Contains("DEFM résidant en QPV;15000", csv);
        Assert.Contains("Stages de 3e (objectif);10", csv);
        Assert.Contains("Stages de 3e (réalisé);7", csv);
        Assert.Contains("Association Nos quartiers ont des talents", csv);
        Assert.Contains("Stratégie et obstacles rencontrés;Peu de PME volontaires", csv);
        Assert.Contains("Peu de PME volontaires", page);
        var css = await Factory.CreateBrowserLikeClient().GetAsync("/conventions/impression.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expiring_conventions_are_listed_reminded_and_digested_for_the_referents_of_their_departement_only()
    {
        var today = DateTime.UtcNow.Date;
        var soon = await AddConventionAsync(Factory, ConventionKind.StateClub, "35", "Club d’Ille-et-Vilaine", ConventionStatus.Signed, today.AddYears(-2), today.AddDays(20));
        var later = await AddConventionAsync(Factory, ConventionKind.Paqte, "35", "Breizh Industrie", ConventionStatus.Signed, today.AddYears(-3), today.AddDays(75));
        var far = await AddConventionAsync(Factory, ConventionKind.Paqte, "35", "Loin de l’échéance", ConventionStatus.Signed, today, today.AddDays(200));
        var elsewhere = await AddConventionAsync(Factory, ConventionKind.Paqte, "36", "Berry Mécanique", ConventionStatus.Signed, today.AddYears(-3), today.AddDays(10));
        var draft = await AddConventionAsync(Factory, ConventionKind.StateClub, "35", "Projet à signer", ConventionStatus.Draft, today, today.AddYears(2));
        var referentEmail = NewEmail("referent35");
        var referent = await Factory.CreateUserClientAsync(referentEmail, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "35"));

        var page = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/conventions/echeances"));
        Assert.Contains("Dans les 30 jours (1)", page);
        Assert.Contains("Entre 31 et 90 jours (1)", page);
        Assert.Contains("Breizh Industrie", page);
        Assert.DoesNotContain("Berry Mécanique", page);
        Assert.DoesNotContain("Loin de l’échéance", page);

        using var scope = Factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IReminderSource>().Single(s => s.Name == "Échéances des conventions");
        var due = (await source.GetDueAsync(DateTimeOffset.UtcNow, default)).Where(r => r.To == referentEmail).ToList();
        var again = (await source.GetDueAsync(DateTimeOffset.UtcNow, default)).Where(r => r.To == referentEmail).ToList();
        Assert.Equal(2, due.Count);
        Assert.Contains(due, r => r.Key.StartsWith($"convention-echeance-30:{soon.Id:N}:", StringComparison.Ordinal));
        Assert.Contains(due, r => r.Key.StartsWith($"convention-echeance-90:{later.Id:N}:", StringComparison.Ordinal) && r.Subject.Contains("dans 75 jours", StringComparison.Ordinal));
        Assert.DoesNotContain(due, r => r.Key.Contains(elsewhere.Id.ToString("N"), StringComparison.Ordinal) || r.Key.Contains(far.Id.ToString("N"), StringComparison.Ordinal));
        Assert.Equal(due.Select(r => r.Key), again.Select(r => r.Key));
        Assert.All(due, r => Assert.StartsWith("http://localhost/admin/conventions/", r.ActionUrl));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var userId = (await users.FindByEmailAsync(referentEmail))!.Id;
        var digest = scope.ServiceProvider.GetServices<IDigestContributor>().Single(d => d.Category == DigestCategories.Territoire && d.GetType().Name == "ConventionsDigest");
        var section = await digest.BuildSectionAsync(userId, DateTimeOffset.UtcNow.AddDays(-1), default);
        var otherEmail = NewEmail("referent37");
        await Factory.CreateUserClientAsync(otherEmail, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "37"));
        var otherSection = await digest.BuildSectionAsync((await users.FindByEmailAsync(otherEmail))!.Id, DateTimeOffset.UtcNow.AddDays(-1), default);
        Assert.NotNull(section);
        Assert.Contains("Projet à signer", section.Text);
        Assert.Contains($"/admin/conventions/{draft.Id}", section.Html);
        Assert.DoesNotContain("Breizh Industrie", section.Text);
        Assert.Null(otherSection);
    }
}
