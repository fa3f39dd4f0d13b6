using System.Net;
using System.Text.Json;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class OpenDataTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_api_filters_paginates_and_returns_only_consented_fields()
    {
        await AddCompanyAsync(Factory, "Api Ouverte Lambda", "44000", CompanyStatus.Approved, null, (8, "QPV", "Emplois francs dans le quartier"));
        await AddCompanyAsync(Factory, "Api Réservée Lambda", "44000", CompanyStatus.Approved, [PublicationItems.Name], (8, "QPV", "Texte privé"));
        await AddCompanyAsync(Factory, "Api Attente Lambda", "44000", CompanyStatus.Pending);
        var client = Factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/api/v1/entreprises?q=lambda&departement=44&taillePage=1&page=2");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("pageCount").GetInt32());
        var item = Assert.Single(root.GetProperty("entreprises").EnumerateArray());
        Assert.Equal("Api Réservée Lambda", item.GetProperty("nom").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("engagements").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("adresse").ValueKind);

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/entreprises?q=lambda&taillePage=1&page=1")).RootElement.GetProperty("entreprises")[0];
        Assert.Equal("Api Ouverte Lambda", first.GetProperty("nom").GetString());
        Assert.Equal("Emplois francs dans le quartier", first.GetProperty("engagements")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_open_data_files_hold_listed_companies_and_consented_fields_only()
    {
        await AddCompanyAsync(Factory, "Export Visible, Mu", "29200", CompanyStatus.Approved, null, (12, "IAE", "Clauses sociales"));
        await AddCompanyAsync(Factory, "Export Sans Adresse Mu", "29200", CompanyStatus.Approved, [PublicationItems.Name]);
        await AddCompanyAsync(Factory, "Export Refusée Mu", "29200", CompanyStatus.Rejected);
        var client = Factory.CreateBrowserLikeClient();

        var csv = await client.GetStringAsync("/donnees/entreprises-engagees.csv");
        var json = await client.GetStringAsync("/donnees/entreprises-engagees.json");
        var lines = csv.Split("\r\n");

        Assert.StartsWith("slug,nom,departement", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.Contains("\"Export Visible, Mu\"", StringComparison.Ordinal) && l.Contains("1 rue de test", StringComparison.Ordinal) && l.Contains(",12,", StringComparison.Ordinal));
        var hidden = Assert.Single(lines, l => l.Contains("Export Sans Adresse Mu", StringComparison.Ordinal));
        Assert.DoesNotContain("1 rue de test", hidden);
        Assert.DoesNotContain("Export Refusée Mu", csv);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.EnumerateArray(), e => e.GetProperty("nom").GetString() == "Export Visible, Mu");
        Assert.DoesNotContain(doc.RootElement.EnumerateArray(), e => e.GetProperty("nom").GetString() == "Export Refusée Mu");
    }

    [Fact]
    public async Task An_unknown_or_unlisted_slug_answers_404()
    {
        var pending = await AddCompanyAsync(Factory, "Api Slug En Attente", "44000", CompanyStatus.Pending);
        var client = Factory.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/entreprises/" + pending.Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/entreprises/inexistante")).StatusCode);
    }
}
