using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// The SQLite showcase search goes through the FTS5 trigram table of the listed companies (ADR 0028): it must find and
/// count exactly what a plain <c>IsListed &amp;&amp; SearchText.Contains</c> finds, for every word length, and follow every
/// insert, edit, listing, unlisting and delete of a company.
/// </summary>
public sealed class SqliteSearchIndexTests(SqliteSearchIndexTests.ScaleFixture fixture) : IClassFixture<SqliteSearchIndexTests.ScaleFixture>
{
    private readonly PortalFactory factory = fixture.Factory;

    [Theory]
    [InlineData("stage")]
    [InlineData("apprentis")]
    [InlineData("emploi")]
    [InlineData("age")]
    [InlineData("st")]
    [InlineData("e")]
    [InlineData("3e")]
    [InlineData("sarl")]
    [InlineData("quartiersprioritaires")]
    [InlineData("introuvable")]
    public async Task The_index_finds_exactly_what_a_scan_of_the_search_text_finds(string word)
    {
        var (indexed, scanned, counted) = await WithDbAsync(factory, async db => (
            await db.Companies.ListedContaining(db, word).Select(c => c.Id).OrderBy(id => id).ToListAsync(),
            await db.Companies.Where(c => c.IsListed && c.SearchText.Contains(word)).Select(c => c.Id).OrderBy(id => id).ToListAsync(),
            await CompanyTextSearch.CountListedAsync(db, [word], CancellationToken.None)));

        Assert.Equal(scanned, indexed);
        Assert.Equal(word.Length >= 3 ? scanned.Count : null, counted);
        if (word is not ("introuvable" or "quartiersprioritaires"))
        {
            Assert.NotEmpty(indexed);
        }
    }

    [Fact]
    public async Task A_word_of_three_letters_or_more_is_read_from_the_trigram_table_and_tested_on_the_listed_index()
    {
        var sql = await WithDbAsync(factory, db => Task.FromResult(db.Companies.ListedContaining(db, "stage").Select(c => c.Id).ToQueryString()));
        // ToQueryString declares the parameter on a first line for the sqlite3 shell; the plan is asked with its value written in.
        var query = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal))).Replace("@p0", "'\"stage\"'");
        var plan = await SqlitePlanAsync(factory, query);

        Assert.Contains("\"Companies_SearchIndex\" MATCH", sql);
        Assert.Contains("VIRTUAL TABLE INDEX", plan);
        // The matches are tested against the ids of a listed companies' index (any of them holds the id), never fetched one
        // by one through the primary key.
        Assert.Contains("COVERING INDEX IX_Companies_Companies_Listed_", plan);
        Assert.DoesNotContain("sqlite_autoindex_Companies_Companies", plan);
    }

    [Fact]
    public async Task Inserts_edits_and_deletes_of_companies_reach_the_index()
    {
        var company = await AddCompanyAsync(factory, "Zéphyrine Logistique", "44000", CompanyStatus.Approved, null, (1, "JEUNES", "Accueillir des collégiens"));
        Assert.Equal([company.Id], await FindAsync("zephyrine"));

        await WithDbAsync(factory, async db =>
        {
            var stored = await db.Companies.Include(c => c.Commitments).Include(c => c.Consents).SingleAsync(c => c.Id == company.Id);
            stored.Name = "Xavérine Transports";
            CompanyService.RefreshSearchText(stored);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await FindAsync("zephyrine"));
        Assert.Equal([company.Id], await FindAsync("xaverine"));

        // Taking back the consent to show the name unlists the company: it leaves the index, and comes back with the consent.
        await SetNameConsentAsync(factory, company.Id, granted: false);
        Assert.Empty(await FindAsync("xaverine"));
        Assert.Equal(0, await WithDbAsync(factory, db => CompanyTextSearch.CountListedAsync(db, ["xaverine"], CancellationToken.None)));
        await SetNameConsentAsync(factory, company.Id, granted: true);
        Assert.Equal([company.Id], await FindAsync("xaverine"));
        Assert.Equal(1, await WithDbAsync(factory, db => CompanyTextSearch.CountListedAsync(db, ["xaverine", "transports"], CancellationToken.None)));

        await WithDbAsync(factory, db => db.Companies.Where(c => c.Id == company.Id).ExecuteDeleteAsync());
        Assert.Empty(await FindAsync("xaverine"));
    }

    [Fact]
    public async Task The_showcase_counts_a_searched_page_through_the_index_like_the_scan()
    {
        var client = factory.CreateClient();
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/entreprises?q=St%C3%A1ge&taillePage=5"));
        var expected = await WithDbAsync(factory, db => db.Companies
            .Where(c => c.Status == CompanyStatus.Approved && c.Consents.Any(x => x.Item == PublicationItems.Name && x.Granted) && c.SearchText.Contains("stage"))
            .CountAsync());

        Assert.True(expected > 0);
        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("stage apprentis")]
    [InlineData("recruter emploi")]
    [InlineData("sarl")]
    [InlineData("stage introuvable")]
    public async Task A_search_alone_is_counted_from_the_index_like_the_scan(string q)
    {
        var words = q.Split(' ');
        var (counted, scanned) = await WithDbAsync(factory, async db => (
            await CompanyTextSearch.CountListedAsync(db, words, CancellationToken.None),
            await words.Aggregate(db.Companies.Where(c => c.IsListed), (query, w) => query.Where(c => c.SearchText.Contains(w))).CountAsync()));

        Assert.Equal(scanned, counted);
    }

    private Task<List<Guid>> FindAsync(string word)
        => WithDbAsync(factory, db => db.Companies.ListedContaining(db, word).Select(c => c.Id).ToListAsync());

    /// <summary>One portal seeded with 400 companies for the whole class.</summary>
    public sealed class ScaleFixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Portal:Seed:ScaleCompanies"] = "400",
            ["Portal:Modules:Indicators:Enabled"] = "false",
            ["Portal:OutputCache:Enabled"] = "false",
        });

        public void Dispose()
        {
            Factory.Dispose();
            PortalFixture.TryDelete(Factory.DataDirectory);
        }
    }
}
