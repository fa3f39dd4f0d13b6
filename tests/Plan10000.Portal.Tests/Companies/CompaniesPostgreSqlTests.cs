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
    public async Task Facilitation_ranking_press_kit_and_map_work_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("facilitation");
        using var factory = new PortalFactory(settings: database.PortalSettings);
        var active = await AddCompanyAsync(factory, "Lilloise Très Active", "59000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages"), (3, "JEUNES", "Apprentis"));
        await AddCompanyAsync(factory, "Lilloise Peu Active", "59000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages"));
        var actor = await factory.CreateUserClientAsync("actrice.59@pg.test", Plan10000.Portal.Abstractions.Security.PortalRoles.IntermediationActor, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Departement, "59"));
        var companyUser = await factory.CreateUserClientAsync("rh@lilloise.test", Plan10000.Portal.Abstractions.Security.PortalRoles.Company, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Company, active.Id.ToString()));
        var referent = await factory.CreateUserClientAsync("referent.pg.59@test.gouv.fr", Plan10000.Portal.Abstractions.Security.PortalRoles.TerritorialReferent, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Departement, "59"));
        var client = factory.CreateBrowserLikeClient();

        var showcase = WebUtility.HtmlDecode(await client.GetStringAsync("/entreprises-engagees?departement=59"));
        var press = WebUtility.HtmlDecode(await client.GetStringAsync("/presse/59"));
        var map = WebUtility.HtmlDecode(await client.GetStringAsync("/tableau-de-bord"));
        var fiches = WebUtility.HtmlDecode(await actor.GetStringAsync("/admin/fiches-navettes?q=lilloise"));
        var raised = await PortalFactory.PostFormAsync(companyUser, "/mon-entreprise/problemes/nouveau", "/mon-entreprise/problemes/nouveau", new() { ["Subject"] = "Aide à l’embauche", ["Text"] = "Dossier bloqué." });
        var problems = WebUtility.HtmlDecode(await referent.GetStringAsync("/admin/entreprises/problemes"));

        var section = showcase[showcase.IndexOf("id=\"plus-actives\"", StringComparison.Ordinal)..];
        Assert.True(section.IndexOf("Lilloise Très Active", StringComparison.Ordinal) < section.IndexOf("Lilloise Peu Active", StringComparison.Ordinal));
        Assert.Contains("Dossier de presse : Nord (59)", press);
        Assert.Matches(@"1\. [^<]+</t[dh]>\s*<td>2</td>\s*<td>2</td>", press);
        Assert.Contains("<path id=\"departement-59\" class=\"map-b1\"", map);
        Assert.Contains("Lilloise Très Active", fiches);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Contains("Aide à l’embauche", problems);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
    [SkippableFact]
    public async Task The_scale_seed_runs_and_the_trigram_index_finds_what_sqlite_finds_on_the_same_data()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("trigram");
        var scale = new Dictionary<string, string?> { ["Portal:Seed:ScaleCompanies"] = "1200" };
        using var postgres = new PortalFactory(settings: new Dictionary<string, string?>(database.PortalSettings) { ["Portal:Seed:ScaleCompanies"] = "1200" });
        using var sqlite = new PortalFactory(settings: scale);

        // The scale seed on PostgreSQL: every company, every département, and a filtered page that finds some.
        Assert.Equal(1200, await WithDbAsync(postgres, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Companies)));
        Assert.Equal(101, await WithDbAsync(postgres, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Companies.Select(c => c.DepartementCode).Distinct())));
        var filtered = WebUtility.HtmlDecode(await postgres.CreateClient().GetStringAsync("/entreprises-engagees?region=32&theme=4"));
        Assert.Matches(@"<h2 id=""resultats"">\d+ entreprises</h2>", filtered);
        Assert.DoesNotContain("Aucune entreprise", filtered);

        foreach (var url in new[] { "/api/v1/entreprises?q=stage&taillePage=100", "/api/v1/entreprises?q=ELECTRICITE+gen&taillePage=100", "/api/v1/entreprises?departement=44&q=RECRUTER&taillePage=100" })
        {
            var expected = await SlugsAsync(sqlite.CreateClient(), url);
            var actual = await SlugsAsync(postgres.CreateClient(), url);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Slugs.Order(StringComparer.Ordinal), actual.Slugs.Order(StringComparer.Ordinal));
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var extensions = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')", connection))
        {
            Assert.Equal(2L, (long)(await extensions.ExecuteScalarAsync())!);
        }

        // The planner would read 1,200 rows sequentially; switched off, it must find the trigram index usable for LIKE.
        var plan = await PlanAsync(postgres, "SELECT \"Id\" FROM \"Companies_Companies\" WHERE \"SearchText\" LIKE '%stage%'");
        Assert.Contains("IX_Companies_Companies_SearchText_trgm", plan);
        PortalFixture.TryDelete(postgres.DataDirectory);
        PortalFixture.TryDelete(sqlite.DataDirectory);
    }

    /// <summary>Every page of the answer: the two providers sort names by different collations, so pages may differ while the whole does not.</summary>
    private static async Task<(int Total, List<string> Slugs)> SlugsAsync(HttpClient client, string url)
    {
        var slugs = new List<string>();
        for (var page = 1; ; page++)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"{url}&page={page}"));
            slugs.AddRange(json.RootElement.GetProperty("entreprises").EnumerateArray().Select(e => e.GetProperty("slug").GetString()!));
            var total = json.RootElement.GetProperty("total").GetInt32();
            var pageCount = json.RootElement.GetProperty("pageCount").GetInt32();
            if (page >= pageCount)
            {
                Assert.True(total > 0, url);
                return (total, slugs);
            }
        }
    }
}
