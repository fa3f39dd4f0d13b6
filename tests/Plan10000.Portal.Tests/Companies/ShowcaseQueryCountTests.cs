using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// A showcase page costs the same few queries on the Companies tables whatever its size and filters:
/// one count, one page of companies, one for their commitments, one for their consents — never one per company.
/// A page after the first reads its ids from the ordering index and its rows in the same query (ADR 0022).
/// A searched page does without the key: its page is an offset in its matches.
/// </summary>
public sealed class ShowcaseQueryCountTests : IDisposable
{
    /// <summary>Count, companies, then the commitments and the consents of the page by its ids.</summary>
    private const int QueriesPerPage = 4;

    /// <summary>An API list also reads the latest change of any company, for its Last-Modified (ADR 0030).</summary>
    private const int QueriesPerApiPage = QueriesPerPage + 1;

    /// <summary>The SIRET feed: the latest change, the count and the page, whatever the page size (ADR 0030).</summary>
    private const int QueriesPerSiretPage = 3;

    private readonly CommandCounter counter = new();
    private readonly PortalFactory factory;

    public ShowcaseQueryCountTests()
    {
        factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Seed:ScaleCompanies"] = "250",
            // The pages are counted as they are built, not as the output cache serves them again.
            ["Portal:OutputCache:Enabled"] = "false",
        })
        {
            TestServices = services => services.ConfigureDbContext<CompaniesDbContext>(o => o.AddInterceptors(counter)),
        };
    }

    [Fact]
    public async Task Showcase_pages_cost_a_fixed_number_of_queries_whatever_the_page_size_or_filters()
    {
        var client = factory.CreateClient();
        await client.GetStringAsync("/entreprises-engagees");

        var (ten, tenCount) = await JsonPageAsync(client, "/api/v1/entreprises?taillePage=10");
        var (hundred, hundredCount) = await JsonPageAsync(client, "/api/v1/entreprises?taillePage=100&page=2");
        var (filtered, _) = await JsonPageAsync(client, "/api/v1/entreprises?taillePage=100&region=84&theme=4&q=recruter");
        var (searchedDeeper, searchedCount) = await JsonPageAsync(client, "/api/v1/entreprises?taillePage=10&page=3&q=stage");
        var (sirets, siretCount) = await JsonPageAsync(client, "/api/v1/siret?taillePage=200", "etablissements");
        var (siretsDeeper, _) = await JsonPageAsync(client, "/api/v1/siret?taillePage=10&page=3&depuis=2020-01-01T00:00:00Z", "etablissements");
        // The first visit above computed « les plus actives » (one query whatever the number of companies); the showcase
        // keeps that ranking a minute, so this page costs the page's queries only.
        var html = await HtmlPageAsync(client, "/entreprises-engagees");
        var htmlFiltered = await HtmlPageAsync(client, "/entreprises-engagees?region=84&theme=4&public=JEUNES&taille=PME&q=apprentis&page=2");

        Assert.Equal(10, tenCount);
        Assert.Equal(100, hundredCount);
        Assert.Equal(QueriesPerApiPage, ten);
        // A later page reads its ids and rows in one query (ADR 0022): no more than the first.
        Assert.Equal(QueriesPerApiPage, hundred);
        Assert.Equal(QueriesPerApiPage, filtered);
        Assert.Equal(10, searchedCount);
        Assert.Equal(QueriesPerApiPage, searchedDeeper);
        Assert.Equal(200, siretCount);
        Assert.Equal(QueriesPerSiretPage, sirets);
        Assert.Equal(QueriesPerSiretPage, siretsDeeper);
        Assert.Equal(QueriesPerPage, html);
        Assert.Equal(QueriesPerPage, htmlFiltered);
    }

    [Fact]
    public async Task The_counter_sees_a_query_per_company_when_there_is_one()
    {
        // Proves the counter can fail the test above: lazy reads of 10 companies' commitments are 1 + 10 commands.
        var client = factory.CreateClient();
        await client.GetStringAsync("/health");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        counter.Reset();

        var ids = await db.Companies.OrderBy(c => c.Id).Select(c => c.Id).Take(10).ToListAsync();
        foreach (var id in ids)
        {
            await db.Commitments.CountAsync(m => m.CompanyId == id);
        }

        Assert.Equal(11, counter.Commands.Count);
    }

    [Fact]
    public async Task The_theme_filter_looks_commitments_up_by_company_on_sqlite()
    {
        // The shape EF Core gives the theme filter. Led by ThemeNumero, SQLite scanned every commitment of the theme for
        // each company (16 s for a filtered page at 10,000 companies); by (CompanyId, ThemeNumero) it is one lookup.
        await factory.CreateClient().GetStringAsync("/health");
        var plan = await PlanAsync(factory, """
            SELECT COUNT(*) FROM "Companies_Companies" AS "c" WHERE "c"."Status" = 'Approved'
            AND EXISTS (SELECT 1 FROM "Companies_Commitments" AS "m" WHERE "c"."Id" = "m"."CompanyId" AND "m"."ThemeNumero" = 4)
            """);

        Assert.Contains("IX_Companies_Commitments_CompanyId_ThemeNumero (CompanyId=? AND ThemeNumero=?)", plan);
    }

    [Fact]
    public async Task The_siret_feed_reads_its_pages_from_the_listed_siret_index_on_sqlite()
    {
        // The feed's order (SIRET, id) over the listed companies is a range of this partial index: no sort of the whole list.
        await factory.CreateClient().GetStringAsync("/health");
        var plan = await PlanAsync(factory, """
            SELECT "c"."Siret" FROM "Companies_Companies" AS "c" WHERE "c"."IsListed"
            ORDER BY "c"."Siret", "c"."Id" LIMIT 100 OFFSET 200
            """);

        Assert.Contains("IX_Companies_Companies_Listed_Siret_Id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    private async Task<(int Queries, int Companies)> JsonPageAsync(HttpClient client, string url, string items = "entreprises")
    {
        counter.Reset();
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return (Queries(url), json.RootElement.GetProperty(items).GetArrayLength());
    }

    private async Task<int> HtmlPageAsync(HttpClient client, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Queries(url);
    }

    private int Queries(string url)
    {
        var commands = counter.Commands;
        // The SQL goes to the output so a changed count can be read, not guessed.
        Console.WriteLine($"{url}: {commands.Count} requête(s)\n{string.Join("\n---\n", commands)}");
        return commands.Count;
    }
}
