using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// The showcase search goes through an index of the listed companies, SQLite's FTS5 trigram table (ADR 0028) and
/// PostgreSQL's word sets for counts (ADR 0021): each must find and count exactly what a plain
/// <c>IsListed &amp;&amp; SearchText.Contains</c> finds, for every word length, and follow every insert, edit, listing,
/// unlisting and delete of a company. The tests run once per provider, each on its own portal of 400 companies.
/// </summary>
public abstract class SearchIndexTests(SearchIndexTests.ScalePortal portal)
{
    [SkippableTheory]
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
        var factory = await portal.FactoryAsync();
        // The oracle is .NET's own substring test over every listed company's text, not the database's.
        var (indexed, listed, counted) = await WithDbAsync(factory, async db => (
            await db.Companies.ListedContaining(db, word).Select(c => c.Id).ToListAsync(),
            await db.Companies.Where(c => c.IsListed).Select(c => new { c.Id, c.SearchText }).ToListAsync(),
            await CompanyTextSearch.CountListedAsync(db, [word], CancellationToken.None)));
        var scanned = listed.Where(c => c.SearchText.Contains(word, StringComparison.Ordinal)).Select(c => c.Id).Order().ToList();

        Assert.Equal(scanned, indexed.Order().ToList());
        Assert.Equal(word.Length >= 3 ? scanned.Count : null, counted);
        if (word is not ("introuvable" or "quartiersprioritaires"))
        {
            Assert.NotEmpty(indexed);
        }
    }

    [SkippableFact]
    public async Task Inserts_edits_and_deletes_of_companies_reach_the_index()
    {
        var factory = await portal.FactoryAsync();
        var company = await AddCompanyAsync(factory, "Zéphyrine Logistique", "44000", CompanyStatus.Approved, null, (1, "JEUNES", "Accueillir des collégiens"));
        Assert.Equal([company.Id], await FindAsync(factory, "zephyrine"));

        await WithDbAsync(factory, async db =>
        {
            var stored = await db.Companies.Include(c => c.Commitments).Include(c => c.Consents).SingleAsync(c => c.Id == company.Id);
            stored.Name = "Xavérine Transports";
            CompanyService.RefreshSearchText(stored);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await FindAsync(factory, "zephyrine"));
        Assert.Equal([company.Id], await FindAsync(factory, "xaverine"));

        // Taking back the consent to show the name unlists the company: it leaves the index, and comes back with the consent.
        await SetNameConsentAsync(factory, company.Id, granted: false);
        Assert.Empty(await FindAsync(factory, "xaverine"));
        Assert.Equal(0, await WithDbAsync(factory, db => CompanyTextSearch.CountListedAsync(db, ["xaverine"], CancellationToken.None)));
        await SetNameConsentAsync(factory, company.Id, granted: true);
        Assert.Equal([company.Id], await FindAsync(factory, "xaverine"));
        Assert.Equal(1, await WithDbAsync(factory, db => CompanyTextSearch.CountListedAsync(db, ["xaverine", "transports"], CancellationToken.None)));

        await WithDbAsync(factory, db => db.Companies.Where(c => c.Id == company.Id).ExecuteDeleteAsync());
        Assert.Empty(await FindAsync(factory, "xaverine"));
    }

    [SkippableFact]
    public async Task The_showcase_counts_a_searched_page_through_the_index_like_the_scan()
    {
        var factory = await portal.FactoryAsync();
        var client = factory.CreateClient();
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/entreprises?q=St%C3%A1ge&taillePage=5"));
        var expected = await WithDbAsync(factory, db => db.Companies
            .Where(c => c.Status == CompanyStatus.Approved && c.Consents.Any(x => x.Item == PublicationItems.Name && x.Granted) && c.SearchText.Contains("stage"))
            .CountAsync());

        Assert.True(expected > 0);
        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
    }

    [SkippableTheory]
    [InlineData("stage apprentis")]
    [InlineData("recruter emploi")]
    [InlineData("sarl")]
    [InlineData("stage introuvable")]
    public async Task A_search_alone_is_counted_from_the_index_like_the_scan(string q)
    {
        var factory = await portal.FactoryAsync();
        var words = q.Split(' ');
        var (counted, scanned) = await WithDbAsync(factory, async db => (
            await CompanyTextSearch.CountListedAsync(db, words, CancellationToken.None),
            await words.Aggregate(db.Companies.Where(c => c.IsListed), (query, w) => query.Where(c => c.SearchText.Contains(w))).CountAsync()));

        Assert.Equal(scanned, counted);
    }

    private static Task<List<Guid>> FindAsync(PortalFactory factory, string word)
        => WithDbAsync(factory, db => db.Companies.ListedContaining(db, word).Select(c => c.Id).ToListAsync());

    /// <summary>
    /// One portal seeded with 400 companies for a whole class, started at its first test: PostgreSQL's is created there,
    /// so that a missing server skips the tests instead of failing the fixture.
    /// </summary>
    public abstract class ScalePortal : IAsyncLifetime
    {
        private readonly Lazy<Task<PortalFactory>> factory;

        protected ScalePortal() => factory = new(StartAsync);

        public Task<PortalFactory> FactoryAsync() => factory.Value;

        private async Task<PortalFactory> StartAsync() => new(settings: new Dictionary<string, string?>(await SettingsAsync())
        {
            ["Portal:Seed:ScaleCompanies"] = "400",
            ["Portal:Modules:Indicators:Enabled"] = "false",
            ["Portal:OutputCache:Enabled"] = "false",
        });

        public Task InitializeAsync() => Task.CompletedTask;

        public virtual async Task DisposeAsync()
        {
            if (factory.IsValueCreated && factory.Value.IsCompletedSuccessfully)
            {
                var started = await factory.Value;
                started.Dispose();
                PortalFixture.TryDelete(started.DataDirectory);
            }
        }

        protected abstract Task<Dictionary<string, string?>> SettingsAsync();
    }
}

public sealed class SqliteSearchIndexTests(SqliteSearchIndexTests.Portal portal) : SearchIndexTests(portal), IClassFixture<SqliteSearchIndexTests.Portal>
{
    [Fact]
    public async Task A_word_of_three_letters_or_more_is_read_from_the_trigram_table_and_tested_on_the_listed_index()
    {
        var factory = await portal.FactoryAsync();
        var sql = await WithDbAsync(factory, db => Task.FromResult(db.Companies.ListedContaining(db, "stage").Select(c => c.Id).ToQueryString()));
        // ToQueryString declares the parameter on a first line for the sqlite3 shell; the plan is asked with its value written in.
        var query = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal))).Replace("@p0", "'\"stage\"'");
        var plan = await PlanAsync(factory, query);

        Assert.Contains("\"Companies_SearchIndex\" MATCH", sql);
        Assert.Contains("VIRTUAL TABLE INDEX", plan);
        // The matches are tested against the ids of a listed companies' index (any of them holds the id), never fetched one
        // by one through the primary key.
        Assert.Contains("COVERING INDEX IX_Companies_Companies_Listed_", plan);
        Assert.DoesNotContain("sqlite_autoindex_Companies_Companies", plan);
    }

    public sealed class Portal : ScalePortal
    {
        protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
    }
}

public sealed class PostgreSqlSearchIndexTests(PostgreSqlSearchIndexTests.Portal portal) : SearchIndexTests(portal), IClassFixture<PostgreSqlSearchIndexTests.Portal>
{
    [SkippableFact]
    public async Task A_search_is_counted_from_the_word_sets_index_without_reading_the_companies()
    {
        var factory = await portal.FactoryAsync();
        var plan = await PlanAsync(factory, CompanyTextSearch.WordSetsCount(["stage", "apprentis"]));

        Assert.Contains("Bitmap Index Scan on \"IX_Companies_SearchWordSets_WordIds\"", plan);
        Assert.DoesNotContain("Companies_Companies", plan);
    }

    public sealed class Portal : ScalePortal
    {
        private PostgreSqlDatabase? database;

        protected override async Task<Dictionary<string, string?>> SettingsAsync()
        {
            database = await PostgreSqlDatabase.CreateAsync("search");
            return database.PortalSettings;
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }
}
