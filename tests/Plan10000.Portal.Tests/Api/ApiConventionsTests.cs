using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Api.ApiTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Api;

/// <summary>What an API client expects of /api/v1: validators and 304, CORS, problem details in French, paging links, a rate limit.</summary>
public sealed class ApiConventionsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/api/v1/entreprises/" + ExampleSlug)]
    [InlineData("/api/v1/indicateurs")]
    [InlineData("/api/v1/indicateurs/valeurs?periode=2026")]
    public async Task A_conditional_get_of_an_api_resource_answers_304(string url)
    {
        await AddExampleCompanyAsync(Factory);
        var client = Factory.CreateClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/entreprises")]
    [InlineData("/api/v1/indicateurs/valeurs")]
    [InlineData("/donnees/entreprises-engagees.csv")]
    [InlineData("/donnees/indicateurs.json")]
    [InlineData("/openapi/v1.json")]
    public async Task The_api_and_the_open_data_files_can_be_read_from_any_site(string url)
    {
        var client = Factory.CreateClient();
        var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.Add("Origin", "https://journal.example");
        var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://journal.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        var answer = await client.SendAsync(get);
        var allowed = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_of_the_site_stay_closed_to_other_sites()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/entreprises-engagees");
        request.Headers.Add("Origin", "https://journal.example");

        var response = await Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/entreprises?taillePage=0", "taillePage", "La taille de page va de 1 à 100.")]
    [InlineData("/api/v1/entreprises?page=zero", "page", "La valeur « zero » n’est pas valide.")]
    [InlineData("/api/v1/entreprises?departement=ZZ", "departement", "« ZZ » n’est pas un code connu")]
    [InlineData("/api/v1/entreprises?theme=15", "theme", "« 15 » n’est pas un code connu")]
    [InlineData("/api/v1/indicateurs/valeurs?periode=2026-T9", "periode", "La période s’écrit 2026, 2026-S1 ou 2026-T2.")]
    public async Task A_bad_parameter_is_a_400_problem_in_french_naming_it(string url, string parameter, string message)
    {
        var response = await Factory.CreateClient().GetAsync(url);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.Equal("Requête incorrecte", root.GetProperty("title").GetString());
        Assert.Contains(message, root.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/entreprises/inexistante", "inexistante")]
    [InlineData("/api/v1/communes", "/openapi/v1.json")]
    public async Task An_unknown_resource_is_a_404_problem_in_french(string url, string detail)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Even a browser asking for HTML gets the API's problem, not the site's error page.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await Factory.CreateClient().SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Ressource introuvable", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_link_to_their_neighbours_with_the_same_filters_whatever_the_parameter_order()
    {
        foreach (var name in new[] { "Liens Paginés Alpha", "Liens Paginés Beta", "Liens Paginés Gamma" })
        {
            await AddCompanyAsync(Factory, name, "35000", CompanyStatus.Approved);
        }

        var client = Factory.CreateClient();
        var response = await client.GetAsync("/api/v1/entreprises?taillePage=1&q=pagines&page=2");
        var reordered = await client.GetAsync("/api/v1/entreprises?page=2&q=pagines&taillePage=1");
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var links = page.RootElement.GetProperty("liens");
        var header = response.Headers.GetValues("Link").Single();

        Assert.Equal(3, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("/api/v1/entreprises?q=pagines&taillePage=1&page=1", links.GetProperty("precedente").GetString());
        Assert.Equal("/api/v1/entreprises?q=pagines&taillePage=1&page=3", links.GetProperty("suivante").GetString());
        Assert.Equal("/api/v1/entreprises?q=pagines&taillePage=1&page=1", links.GetProperty("premiere").GetString());
        Assert.Equal("/api/v1/entreprises?q=pagines&taillePage=1&page=3", links.GetProperty("derniere").GetString());
        Assert.Contains("</api/v1/entreprises?q=pagines&taillePage=1&page=1>; rel=\"prev\"", header, StringComparison.Ordinal);
        Assert.Contains("</api/v1/entreprises?q=pagines&taillePage=1&page=3>; rel=\"next\"", header, StringComparison.Ordinal);
        Assert.Equal(header, reordered.Headers.GetValues("Link").Single());

        using var last = JsonDocument.Parse(await client.GetStringAsync(links.GetProperty("suivante").GetString()));
        Assert.Equal(JsonValueKind.Null, last.RootElement.GetProperty("liens").GetProperty("suivante").ValueKind);
        Assert.Equal(3, last.RootElement.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task The_indicator_values_link_their_pages_too()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/indicateurs/valeurs?periode=2026&taillePage=10");
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/v1/indicateurs/valeurs?periode=2026&taillePage=10&page=1", page.RootElement.GetProperty("liens").GetProperty("premiere").GetString());
        Assert.Contains("rel=\"first\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }
}

/// <summary>A portal of its own: the rate limit counts per client address, and the test host has one.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Past_the_configured_limit_the_api_answers_429_with_retry_after_in_french()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Api:RequestsPerMinute"] = "3" });
        try
        {
            var client = factory.CreateClient();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/indicateurs")).StatusCode);
            }

            var refused = await client.GetAsync("/api/v1/entreprises");
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Trop de requêtes", problem.RootElement.GetProperty("title").GetString());
            Assert.Contains("réessayez dans", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            // Only the API is limited: the site's pages still answer.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entreprises-engagees")).StatusCode);
        }
        finally
        {
            PortalFixture.TryDelete(factory.DataDirectory);
        }
    }
}
