using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Tests.Support;
using Plan10000.Portal.Web.Caching;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>One portal seeded once for the catalogue tests.</summary>
public sealed class OpenDataFixture : IAsyncLifetime, IDisposable
{
    private static readonly decimal[] Values = [2.5m, 4m, 6m];

    private readonly PortalFixture portal = new();

    public PortalFactory Factory => portal.Factory;

    public Task InitializeAsync() => SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => portal.Dispose();

    /// <summary>Companies with every kind of value the files hold: quotes and commas, withheld fields, a club member, secret and public figures.</summary>
    private async Task SeedAsync()
    {
        var open = await AddCompanyAsync(Factory, "Schéma \"Ouvert\", Nantes", "44000", CompanyStatus.Approved, null, (8, "QPV", "Emplois francs"), (3, "JEUNES,QPV", "Apprentis"));
        await WithDbAsync(Factory, async db =>
        {
            (await db.Companies.FindAsync(open.Id))!.NafCode = "10.71C";
            return await db.SaveChangesAsync();
        });
        await AddCompanyAsync(Factory, "Schéma Réservé", "44000", CompanyStatus.Approved, [PublicationItems.Name]);
        await AddCompanyAsync(Factory, "Schéma En Attente", "44000", CompanyStatus.Pending);
        var club = await Clubs.ClubsTestSupport.AddClubAsync(Factory, "44", "Club schéma de Loire-Atlantique");
        await Clubs.ClubsTestSupport.AddMemberAsync(Factory, club.Id, open.Id);

        var definition = (await Indicators.IndicatorsTestSupport.DefinitionsAsync(Factory))["EMPLOIS_FRANCS"];
        var campaign = await Indicators.IndicatorsTestSupport.AddCampaignAsync(Factory, "2022-T3");
        foreach (var (value, i) in Values.Select((v, i) => (v, i)))
        {
            var id = await Indicators.IndicatorsTestSupport.AddCompanyAsync(Factory, "Schéma Indicateur " + i, "87100", 8);
            await Indicators.IndicatorsTestSupport.ReportAsync(Factory, campaign, SubjectKind.Company, id, "87", new Dictionary<Guid, decimal> { [definition.Id] = value }, SubmissionStatus.Validated);
        }

        var alone = await Indicators.IndicatorsTestSupport.AddCompanyAsync(Factory, "Schéma Indicateur Seul", "24000", 8);
        await Indicators.IndicatorsTestSupport.ReportAsync(Factory, campaign, SubjectKind.Company, alone, "24", new Dictionary<Guid, decimal> { [definition.Id] = 9 }, SubmissionStatus.Validated);
    }
}

/// <summary>Issue 14, part 3: every open-data file against its Table Schema, and the /donnees catalogue (ADR 0024).</summary>
public sealed partial class OpenDataCatalogTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/donnees/entreprises-engagees.csv", "/donnees/entreprises-engagees.schema.json", ',', "Schéma \"Ouvert\", Nantes")]
    [InlineData("/donnees/siret-entreprises-engagees.csv", "/donnees/siret-entreprises-engagees.schema.json", ',', "10.71C")]
    [InlineData("/donnees/indicateurs.csv", "/donnees/indicateurs.schema.json", ',', "EMPLOIS_FRANCS")]
    [InlineData("/presse/44/entreprises.csv", "/presse/entreprises.schema.json", ';', "Schéma \"Ouvert\", Nantes")]
    public async Task Every_csv_file_validates_against_its_table_schema(string file, string schemaUrl, char delimiter, string expected)
    {
        var client = Factory.CreateBrowserLikeClient();

        var schemaResponse = await client.GetAsync(schemaUrl);
        var schema = await schemaResponse.Content.ReadAsStringAsync();
        var csv = await client.GetByteArrayAsync(file);

        Assert.Equal(HttpStatusCode.OK, schemaResponse.StatusCode);
        Assert.Equal("application/json", schemaResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("etalab-2.0", JsonDocument.Parse(schema).RootElement.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.Empty(TableSchemaCheck.Problems(schema, csv, delimiter));
        var rows = TableSchemaCheck.Rows(csv, delimiter);
        Assert.Contains(rows, r => r.Contains(expected));
    }

    [Fact]
    public void The_check_fails_on_a_file_that_breaks_its_schema()
    {
        // The check itself can fail: a wrong type, an empty required field and a column order that differs.
        const string schema = """{"fields":[{"name":"n","type":"integer","constraints":{"required":true}},{"name":"d","type":"date"},{"name":"b","type":"boolean","trueValues":["oui"],"falseValues":["non"]},{"name":"x","type":"number"}],"missingValues":[""]}""";

        Assert.Empty(TableSchemaCheck.Problems(schema, "n,d,b,x\r\n1,2024-02-29,oui,1.5\r\n"u8.ToArray(), ','));
        Assert.Equal(5, TableSchemaCheck.Problems(schema, "n,d,b,x\r\ndeux,29/02/2024,peut-être,abc\r\n,,,\r\n"u8.ToArray(), ',').Count);
        Assert.Single(TableSchemaCheck.Problems(schema, "d,n,b,x\r\n"u8.ToArray(), ','));
    }

    [Fact]
    public async Task Donnees_lists_every_dataset_with_its_licence_date_formats_sizes_and_a_working_schema()
    {
        var client = Factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/donnees");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Entreprises engagées", html);
        Assert.Contains("Indicateurs consolidés du programme", html);
        Assert.Contains("Dossiers de presse départementaux", html);
        Assert.Contains("href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\"", html);
        Assert.Contains("Licence Ouverte / Open Licence 2.0", html);
        Assert.Contains("Formats : CSV, JSON", html);
        // The four datasets changed today (companies added, values validated by the seed).
        Assert.Equal(4, Regex.Count(html, Regex.Escape("Dernière mise à jour : " + Plan10000.Portal.Abstractions.Time.ParisTime.Date(DateTimeOffset.UtcNow))));

        var schemas = SchemaLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["/donnees/entreprises-engagees.schema.json", "/donnees/siret-entreprises-engagees.schema.json", "/presse/entreprises.schema.json", "/donnees/indicateurs.schema.json"], schemas);
        foreach (var schema in schemas)
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync(schema));
            Assert.NotEmpty(document.RootElement.GetProperty("fields").EnumerateArray());
        }

        // The size printed is the size served, in bytes and ko.
        foreach (var file in new[] { "/donnees/entreprises-engagees.csv", "/donnees/entreprises-engagees.json", "/donnees/siret-entreprises-engagees.csv", "/donnees/indicateurs.csv", "/donnees/indicateurs.json", "/presse/44/entreprises.csv", "/presse/2A/entreprises.csv" })
        {
            var bytes = (await client.GetByteArrayAsync(file)).LongLength;
            Assert.Contains($"href=\"{file}\"", html);
            Assert.Contains($"{bytes.ToString("N0", French)} octets", html);
        }

        Assert.Contains("href=\"/presse/2A/entreprises.csv\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/presse/2A/entreprises.csv")).StatusCode);
    }

    [Fact]
    public async Task Pages_offering_a_file_link_its_schema_and_the_catalogue_is_in_the_site_map()
    {
        var client = Factory.CreateBrowserLikeClient();

        Assert.Contains("href=\"/donnees/entreprises-engagees.schema.json\"", await client.GetStringAsync("/entreprises-engagees"));
        Assert.Contains("href=\"/donnees/indicateurs.schema.json\"", await client.GetStringAsync("/tableau-de-bord/indicateurs"));
        Assert.Contains("href=\"/presse/entreprises.schema.json\"", await client.GetStringAsync("/presse/44"));
        Assert.Contains("href=\"/donnees\"", await client.GetStringAsync("/plan-du-site"));
        Assert.Contains("/donnees</loc>", await client.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public void The_catalogue_is_cached_and_evicted_with_the_files_it_describes()
    {
        var page = PublicPages.TagsOf("/donnees");

        Assert.NotNull(page);
        foreach (var file in new[] { "/donnees/entreprises-engagees.csv", "/donnees/indicateurs.json", "/donnees/indicateurs.schema.json" })
        {
            Assert.Equal(PublicPages.TagsOf(file), page);
        }

        // The press kits' files carry the companies' tags, which the catalogue carries too.
        Assert.Subset(page.ToHashSet(), PublicPages.TagsOf("/presse/44/entreprises.csv")!.ToHashSet());
    }

    [Fact]
    public async Task A_module_switched_off_takes_its_datasets_off_the_catalogue()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Modules:Indicators:Enabled"] = "false" });
        try
        {
            var html = WebUtility.HtmlDecode(await factory.CreateBrowserLikeClient().GetStringAsync("/donnees"));

            Assert.Contains("Entreprises engagées", html);
            Assert.DoesNotContain("Indicateurs consolidés", html);
            Assert.DoesNotContain("/donnees/indicateurs.schema.json", html);
        }
        finally
        {
            PortalFixture.TryDelete(factory.DataDirectory);
        }
    }

    [GeneratedRegex("href=\"([^\"]+\\.schema\\.json)\"")]
    private static partial Regex SchemaLink();
}
