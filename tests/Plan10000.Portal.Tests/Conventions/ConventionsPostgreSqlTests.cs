using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Conventions.ConventionsTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>The aggregates frozen at signature, the date filters of the expiry list and the report on a real PostgreSQL (skipped without one).</summary>
public sealed class ConventionsPostgreSqlTests
{
    [SkippableFact]
    public async Task Signing_expiry_and_report_work_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("conventions");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        });
        var club = await AddClubAsync(factory, "62", "Club du Pas-de-Calais");
        var company = await AddCompanyAsync(factory, "Faïencerie de Desvres", "62240", CompanyStatus.Approved, null, (1, "JEUNES", "Stages"), (1, "JEUNES", "Stages bis"));
        await SetIntentionAsync(factory, company.Id, 1, 5, "stages");
        await SetIntentionAsync(factory, company.Id, 2, 6, "Stages");
        await AddMemberAsync(factory, club.Id, company.Id);
        var today = DateTime.UtcNow.Date;
        var draft = await AddConventionAsync(factory, ConventionKind.StateClub, "62", club.Name, ConventionStatus.Draft, today.AddDays(-10), today.AddDays(25), club.Id, more: c =>
        {
            c.ThemeNumeros = "1";
            c.Signatories.Add(new Signatory { ConventionId = c.Id, Side = SignatorySide.State, Name = "Préfet", Quality = "Préfet", SignedOn = today });
            c.Signatories.Add(new Signatory { ConventionId = c.Id, Side = SignatorySide.Partner, Name = "Animatrice", Quality = "Animatrice", SignedOn = today });
        });
        var referentEmail = "referent.62@test.gouv.fr";
        var referent = await factory.CreateUserClientAsync(referentEmail, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "62"));

        var signed = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{draft.Id}", $"/admin/conventions/{draft.Id}/signer", []);
        var figures = await WithConventionsDbAsync(factory, db => db.Figures.Where(f => f.ConventionId == draft.Id).ToListAsync());
        var expiring = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/conventions/echeances"));
        var report = await referent.GetAsync("/admin/conventions/bilans/62/2026/2");
        using var scope = factory.Services.CreateScope();
        var due = await scope.ServiceProvider.GetServices<IReminderSource>().Single(s => s.Name == "Échéances des conventions").GetDueAsync(DateTimeOffset.UtcNow, default);

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains(figures, f => f is { ThemeNumero: 1, Unit: null, Commitments: 2, Companies: 1 });
        Assert.Contains(figures, f => f is { ThemeNumero: 1, Unit: "stages", Quantity: 11 });
        Assert.Contains("Dans les 30 jours (1)", expiring);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains(due, r => r.To == referentEmail && r.Key.StartsWith("convention-echeance-30:", StringComparison.Ordinal));
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
