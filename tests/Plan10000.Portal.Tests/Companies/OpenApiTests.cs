using System.Text.Json;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class OpenApiTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_the_companies_api_and_every_field_it_returns()
    {
        await AddCompanyAsync(fixture.Factory, "Description Openapi Lambda", "59000", CompanyStatus.Approved, null, (4, "DELD", "Parrainage"));
        var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/entreprises?q=lambda"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var parameters = paths.GetProperty("/api/v1/entreprises").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        static HashSet<string> Properties(JsonElement schema) => [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        var company = api.RootElement.GetProperty("entreprises")[0];

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/v1/entreprises/{slug}", out _));
        Assert.Contains("taillePage", parameters);
        Assert.Contains("region", parameters);
        // The document follows the code: every field the API really returns is described, at each level.
        Assert.Subset(Properties(schemas.GetProperty("PageEntreprises")), api.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Subset(Properties(schemas.GetProperty("Entreprise")), company.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Subset(Properties(schemas.GetProperty("Engagement")), company.GetProperty("engagements")[0].EnumerateObject().Select(p => p.Name).ToHashSet());
    }
}
