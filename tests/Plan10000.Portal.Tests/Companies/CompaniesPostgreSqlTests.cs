using System.Net;
using Npgsql;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>The showcase's search column and consent filters on a real PostgreSQL (build.sh provides it; skipped otherwise).</summary>
public sealed class CompaniesPostgreSqlTests
{

    [SkippableFact]
    public async Task Accent_insensitive_search_filters_and_moderation_scope_work_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("companies");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        });
        await AddCompanyAsync(factory, "Société Générale de Pâtisserie", "59000", CompanyStatus.Approved, null, (4, "DELD,TH", "Parrainage d’élèves"));
        await AddCompanyAsync(factory, "Pâtisserie Discrète", "59000", CompanyStatus.Approved, [PublicationItems.Name], (4, "DELD", "Parrainage caché"));
        await AddCompanyAsync(factory, "Pâtisserie en attente", "13002", CompanyStatus.Pending);
        var client = factory.CreateBrowserLikeClient();

        var search = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?q=SOCIETE+patisserie"));
        var filtered = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?region=32&theme=4&public=TH"));
        var referent = await factory.CreateUserClientAsync("referent.59@test.gouv.fr", Plan10000.Portal.Abstractions.Security.PortalRoles.TerritorialReferent, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Departement, "59"));
        var queue = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/entreprises"));
        var dashboard = await client.GetAsync("/tableau-de-bord");

        Assert.Contains("Société Générale de Pâtisserie", search);
        Assert.DoesNotContain("Pâtisserie Discrète", search);
        Assert.Contains("Société Générale de Pâtisserie", filtered);
        Assert.DoesNotContain("Pâtisserie Discrète", filtered);
        Assert.DoesNotContain("Pâtisserie en attente", queue);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [SkippableFact]
    public async Task Scale_seed_runs_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("scale");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
            ["Portal:Seed:ScaleCompanies"] = "1500",
        });

        var companies = await WithDbAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Companies));
        var departements = await WithDbAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Companies.Select(c => c.DepartementCode).Distinct()));
        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/entreprises-engagees?region=32&theme=4"));

        Assert.Equal(1500, companies);
        Assert.Equal(101, departements);
        Assert.Matches(@"<h2 id=""resultats"">\d+ entreprises</h2>", page);
        Assert.DoesNotContain("Aucune entreprise", page);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

}
