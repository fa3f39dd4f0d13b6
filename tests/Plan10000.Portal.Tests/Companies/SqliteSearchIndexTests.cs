using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// The SQLite showcase search goes through the FTS5 trigram table (ADR 0028): it must find exactly what a plain
/// <c>SearchText.Contains</c> finds, for every word length, and follow every insert, edit and delete of a company.
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
        var (indexed, scanned) = await WithDbAsync(factory, async db => (
            await db.Companies.Containing(db, word).Select(c => c.Id).OrderBy(id => id).ToListAsync(),
            await db.Companies.Where(c => c.SearchText.Contains(word)).Select(c => c.Id).OrderBy(id => id).ToListAsync()));

        Assert.Equal(scanned, indexed);
        if (word is not ("introuvable" or "quartiersprioritaires"))
        {
            Assert.NotEmpty(indexed);
        }
    }

    [Fact]
    public async Task A_word_of_three_letters_or_more_is_read_from_the_trigram_table()
    {
        var sql = await WithDbAsync(factory, db => Task.FromResult(db.Companies.Containing(db, "stage").ToQueryString()));
        var plan = await WithDbAsync(factory, async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN SELECT \"Id\" FROM \"Companies_SearchIndex\" WHERE \"Companies_SearchIndex\" MATCH '\"stage\"'";
            await using var reader = await command.ExecuteReaderAsync();
            var details = new List<string>();
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(3));
            }

            return string.Join(" | ", details);
        });

        Assert.Contains("\"Companies_SearchIndex\" MATCH", sql);
        Assert.Contains("VIRTUAL TABLE INDEX", plan);
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

    private Task<List<Guid>> FindAsync(string word)
        => WithDbAsync(factory, db => db.Companies.Containing(db, word).Select(c => c.Id).ToListAsync());

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
