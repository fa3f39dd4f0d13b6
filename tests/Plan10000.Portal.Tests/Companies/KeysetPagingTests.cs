using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// The showcase and the API page by the ordering index behind <c>?page=N</c> (ADR 0022): every page must hold exactly what
/// an offset over the same order holds, first, second (walked to from the start), deep (400 of 435) and last (walked to
/// from the end), with and without filters, on both providers. Three companies a page over 1,300 reach page 400 without
/// seeding 8,000 companies; five homonyms make the tie on id matter, in both directions.
/// </summary>
public sealed class KeysetPagingTests
{
    private const int Companies = 1300;

    private const int Size = 3;

    [Fact]
    public async Task Keyset_pages_hold_what_offset_pages_hold_on_sqlite()
    {
        using var factory = new PortalFactory(settings: ScaleSettings(new Dictionary<string, string?>()));
        await AssertPagesAsync(factory);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [SkippableFact]
    public async Task Keyset_pages_hold_what_offset_pages_hold_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("keyset");
        using var factory = new PortalFactory(settings: ScaleSettings(database.PortalSettings));
        await AssertPagesAsync(factory);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    private static Dictionary<string, string?> ScaleSettings(Dictionary<string, string?> settings) => new(settings)
    {
        ["Portal:Seed:ScaleCompanies"] = Companies.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The indicator values are the slow part of the scale seed and no page here shows them.
        ["Portal:Modules:Indicators:Enabled"] = "false",
        ["Portal:OutputCache:Enabled"] = "false",
    };

    private static async Task AssertPagesAsync(PortalFactory factory)
    {
        // Homonyms around the start of page 400 (and of the département's pages): the key's tie is broken by id.
        var homonym = (await OffsetAsync(factory, query => query, (400 - 1) * Size, 1, c => c.Name)).Single();
        for (var i = 0; i < 5; i++)
        {
            await AddCompanyAsync(factory, homonym, "44000", CompanyStatus.Approved, null, (1, "JEUNES", "Stages de troisième"));
        }

        var client = factory.CreateClient();

        await AssertSameAsync(factory, client, "", query => query, [1, 2, 400, -1]);
        await AssertSameAsync(factory, client, "&q=stage", query => query.Where(c => c.SearchText.Contains("stage")), [1, 2, 100, -1]);
        await AssertSameAsync(factory, client, "&departement=44", query => query.Where(c => c.DepartementCode == "44"), [1, 2, -1]);

        // The HTML showcase goes through the same paging, with its default size (a constant in the SQL): its second page
        // (walked to from the start) and its page 60 (from the end, across the homonyms) show the offset's names.
        await AssertHtmlPageAsync(factory, client, 2);
        await AssertHtmlPageAsync(factory, client, 60);
    }

    private static async Task AssertHtmlPageAsync(PortalFactory factory, HttpClient client, int page)
    {
        var expected = await OffsetAsync(factory, query => query, (page - 1) * 20, 20, c => c.Name);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/entreprises-engagees?page={page}"));
        var positions = expected.Select(name => html.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, expected.Count);
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    /// <summary><paramref name="pages"/>: -1 is the last page.</summary>
    private static async Task AssertSameAsync(PortalFactory factory, HttpClient client, string filter, Func<IQueryable<Company>, IQueryable<Company>> offsetFilter, int[] pages)
    {
        var total = await WithDbAsync(factory, db => offsetFilter(OffsetListed(db)).CountAsync());
        var last = (total + Size - 1) / Size;
        Assert.True(last >= pages.Max(), $"{filter}: {total} companies");
        foreach (var requested in pages)
        {
            var page = requested == -1 ? last : requested;
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/entreprises?taillePage={Size}&page={page}{filter}"));
            var actual = json.RootElement.GetProperty("entreprises").EnumerateArray().Select(e => e.GetProperty("slug").GetString()!).ToList();
            var expected = await OffsetAsync(factory, offsetFilter, (page - 1) * Size, Size, c => c.Slug);

            Assert.Equal(total, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(page, json.RootElement.GetProperty("page").GetInt32());
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    private static Task<List<string>> OffsetAsync(PortalFactory factory, Func<IQueryable<Company>, IQueryable<Company>> filter, int skip, int take, System.Linq.Expressions.Expression<Func<Company, string>> field)
        => WithDbAsync(factory, db => filter(OffsetListed(db)).OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(skip).Take(take).Select(field).ToListAsync());

    /// <summary>The showcase's rule written independently: approved, name consent granted.</summary>
    private static IQueryable<Company> OffsetListed(Plan10000.Modules.Companies.Data.CompaniesDbContext db)
        => db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Approved && c.Consents.Any(x => x.Item == PublicationItems.Name && x.Granted));
}
