using System.Net;
using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>Each dashboard, value page and export is locked to the user's scope, whatever the URL says; exports read back right.</summary>
public sealed class ScopeAndExportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_referent_of_one_departement_gets_403_for_another_one_by_any_url_or_export_parameter()
    {
        var inB = await AddCompanyAsync(Factory, "Entreprise du Rhône", "69001");
        var campaign = await AddCampaignAsync(Factory, "2027-T3");
        var definition = (await DefinitionsAsync(Factory))["PARRAINAGES"];
        var submissionB = await ReportAsync(Factory, campaign, SubjectKind.Company, inB, "69", new Dictionary<Guid, decimal> { [definition.Id] = 5 }, SubmissionStatus.Submitted);
        var clubB = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "69", "Club du Rhône");
        var referentA = await Factory.CreateUserClientAsync(NewEmail("referent33"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "33"));

        string[] forbidden =
        [
            "/admin/indicateurs/tableau-de-bord/departement/69",
            "/admin/indicateurs/tableau-de-bord/departement/69?format=csv",
            "/admin/indicateurs/tableau-de-bord/departement/69?format=xlsx&periode=2027",
            "/admin/indicateurs/tableau-de-bord/departement/2a?format=csv",
            "/admin/indicateurs/tableau-de-bord/region/84",
            "/admin/indicateurs/tableau-de-bord/region/84?format=xlsx",
            "/admin/indicateurs/tableau-de-bord/region/75",
            "/admin/indicateurs/tableau-de-bord/national",
            "/admin/indicateurs/tableau-de-bord/national?format=csv",
            "/admin/indicateurs/tableau-de-bord/club/" + clubB.Id,
            "/admin/indicateurs/tableau-de-bord/club/" + clubB.Id + "?format=csv",
            "/admin/indicateurs/rapport/69",
            "/admin/indicateurs/rapport/69?periode=2027-T3&format=xlsx",
            "/admin/indicateurs/soumissions/" + submissionB,
            $"/admin/indicateurs/campagnes/{campaign.Id}?departement=69",
            "/admin/indicateurs/departements/69/valeurs?periode=2027-T3",
        ];
        foreach (var url in forbidden)
        {
            var response = await referentA.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} : {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await referentA.GetAsync("/admin/indicateurs/tableau-de-bord/departement/33")).StatusCode);
        Assert.DoesNotContain("Entreprise du Rhône", await referentA.GetStringAsync($"/admin/indicateurs/campagnes/{campaign.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await referentA.GetAsync("/admin/indicateurs/rapport/33?periode=2027-T3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await referentA.GetAsync("/admin/indicateurs/tableau-de-bord/departement/33?format=csv")).StatusCode);

        // Forged posts on B's report and values: refused, nothing moved.
        var valuesPage = "/admin/indicateurs/departements/33/valeurs?periode=2027-T3";
        var move = await PortalFactory.PostForgedAsync(referentA, valuesPage, valuesPage, $"/admin/indicateurs/soumissions/{submissionB}/etat", new() { ["to"] = "Reviewed" });
        var values = await PortalFactory.PostForgedAsync(referentA, valuesPage, valuesPage, "/admin/indicateurs/departements/69/valeurs?periode=2027-T3", new() { [ValuesForms.FieldName(definition.Id)] = "100" });
        var correct = await PortalFactory.PostForgedAsync(referentA, valuesPage, valuesPage, $"/admin/indicateurs/soumissions/{submissionB}/valeurs", new() { [ValuesForms.FieldName(definition.Id)] = "100" });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, values.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, correct.StatusCode);
        var status = await WithAsync(Factory, sp => Task.FromResult(sp.GetRequiredService<Modules.Indicators.Data.IndicatorsDbContext>().Submissions.Single(s => s.Id == submissionB).Status));
        Assert.Equal(SubmissionStatus.Submitted, status);
        Assert.False(await WithAsync(Factory, sp => Task.FromResult(sp.GetRequiredService<Modules.Indicators.Data.IndicatorsDbContext>().Values.Any(v => v.Value == 100))));
    }

    [Fact]
    public async Task An_animator_sees_only_their_club_dashboard_and_companies_have_no_dashboard()
    {
        var mine = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "35", "Club d’Ille-et-Vilaine");
        var other = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "35", "Autre club breton");
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur"), PortalRoles.ClubAnimator, (ScopeClaims.Club, mine.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await animator.GetAsync("/admin/indicateurs/tableau-de-bord/club/" + mine.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.GetAsync("/admin/indicateurs/tableau-de-bord/club/" + other.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.GetAsync("/admin/indicateurs/tableau-de-bord/club/" + other.Id + "?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.GetAsync("/admin/indicateurs/tableau-de-bord/departement/35")).StatusCode);

        var companyId = await AddCompanyAsync(Factory, "Entreprise curieuse", "35000");
        var company = await Factory.CreateUserClientAsync(NewEmail("entreprise"), PortalRoles.Company, (ScopeClaims.Company, companyId.ToString()));
        var response = await company.GetAsync("/admin/indicateurs/tableau-de-bord/departement/35");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_read_back_with_french_headers_and_the_right_numbers()
    {
        var definition = (await DefinitionsAsync(Factory))["ACHATS_INCLUSIFS"];
        var campaign = await AddCampaignAsync(Factory, "2026-T4");
        foreach (var (name, value) in new[] { ("Imprimerie A", 12.5m), ("Imprimerie B", 30m) })
        {
            var id = await AddCompanyAsync(Factory, name, "87000", 12);
            await ReportAsync(Factory, campaign, SubjectKind.Company, id, "87", new Dictionary<Guid, decimal> { [definition.Id] = value }, SubmissionStatus.Validated);
        }

        var referent = await Factory.CreateUserClientAsync(NewEmail("referent87"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "87"));
        var csv = await referent.GetByteArrayAsync("/admin/indicateurs/tableau-de-bord/departement/87?format=csv&theme=12");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(";", Formats.DashboardHeaders), lines[0]);
        var row = lines.Single(l => l.StartsWith("ACHATS_INCLUSIFS;", StringComparison.Ordinal)).Split(';');
        Assert.Equal("2026", row[5]);
        Assert.Equal("42,5", row[6]);
        Assert.Equal("2", row[7]);

        var xlsx = await referent.GetByteArrayAsync("/admin/indicateurs/tableau-de-bord/departement/87?format=xlsx&theme=12&periode=2026");
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var figure = rows.Single(r => (string?)r["Code"] == "ACHATS_INCLUSIFS");
        Assert.Equal(42.5, Convert.ToDouble(figure["Valeur consolidée"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, Convert.ToInt32(figure["Contributeurs"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Résultat", figure["Nature"]);
        Assert.All(rows, r => Assert.Equal(12, Convert.ToInt32(r["Thématique"], System.Globalization.CultureInfo.InvariantCulture)));

        var report = await referent.GetByteArrayAsync("/admin/indicateurs/rapport/87?periode=2026-T4&format=xlsx");
        using var reportStream = new MemoryStream(report);
        Assert.Contains(reportStream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => (string?)r["Code"] == "ACHATS_INCLUSIFS");
        var audited = await WithAsync(Factory, sp => sp.GetRequiredService<Plan10000.Portal.Abstractions.Audit.IAuditLog>().SearchAsync(new(Action: "export-indicateurs")));
        Assert.Contains(audited.Entries, e => e.Target == "rapport-87-2026-T4.xlsx");
        var printable = await referent.GetStringAsync("/admin/indicateurs/rapport/87?periode=2026-T4");
        Assert.Contains("indicators.css", printable);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync("/_content/Plan10000.Modules.Indicators/indicators.css")).StatusCode);
    }
}
