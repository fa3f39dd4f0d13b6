using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Api.ApiTestSupport;

namespace Plan10000.Portal.Tests.Api;

/// <summary>The one OpenAPI document, generated from the endpoints: valid, complete, and true to what the API answers.</summary>
public sealed partial class OpenApiDocumentTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_generated_document_passes_the_redocly_validator()
    {
        var root = RepositoryRoot();
        var file = Path.Combine(Factory.DataDirectory, "openapi-v1.json");
        Directory.CreateDirectory(Factory.DataDirectory);
        await File.WriteAllTextAsync(file, (await DocumentAsync(Factory)).ToJsonString());

        var (exitCode, output) = await RunAsync(Path.Combine(root, "node_modules", ".bin", "redocly"), $"lint \"{file}\" --format=stylish", root);

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_document_describes_every_public_api_route_in_french_and_nothing_else()
    {
        var document = await DocumentAsync(Factory);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var apiRoutes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var list = document["paths"]!["/api/v1/entreprises"]!["get"]!;
        JsonNode Parameter(JsonNode operation, string name) => operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

        Assert.StartsWith("3.1.", (string?)document["openapi"], StringComparison.Ordinal);
        Assert.Equal(["/api/v1/entreprises", "/api/v1/entreprises/{slug}", "/api/v1/indicateurs", "/api/v1/indicateurs/valeurs", "/api/v1/siret"], paths);
        Assert.Equal(apiRoutes, paths);
        Assert.Equal("Licence Ouverte / Open Licence 2.0", (string?)document["info"]!["license"]!["name"]);
        Assert.Equal("Lister les entreprises engagées", (string?)list["summary"]);
        Assert.Contains("triées par nom", (string?)list["description"], StringComparison.Ordinal);
        // Reference lists read from the Referentials module when the document is written.
        var departements = Parameter(list, "departement")["schema"]!["enum"]!.AsArray().Select(d => (string?)d).ToList();
        Assert.Equal(101, departements.Count);
        Assert.Contains("2A", departements);
        Assert.Contains("974", departements);
        Assert.Equal(Enumerable.Range(1, 14), Parameter(list, "theme")["schema"]!["enum"]!.AsArray().Select(t => (int)t!));
        Assert.Contains("PME", Parameter(list, "taille")["schema"]!["enum"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(100, (int)Parameter(list, "taillePage")["schema"]!["maximum"]!);
        Assert.Equal(200, (int)Parameter(list, "q")["schema"]!["maxLength"]!);
        Assert.Contains("accents", (string?)Parameter(list, "q")["description"], StringComparison.Ordinal);
        // The host's answers: problem details, the rate limit, validators.
        Assert.NotNull(list["responses"]!["400"]!["content"]!["application/problem+json"]);
        Assert.NotNull(list["responses"]!["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(list["responses"]!["200"]!["headers"]!["Link"]);
        Assert.NotNull(document["paths"]!["/api/v1/entreprises/{slug}"]!["get"]!["responses"]!["404"]!["content"]!["application/problem+json"]);
        // Response schemas named in French, with examples.
        var company = document["components"]!["schemas"]!["Entreprise"]!;
        Assert.Equal("Boulangerie du Port", (string?)company["properties"]!["nom"]!["examples"]![0]);
        Assert.NotNull(document["components"]!["schemas"]!["PageValeurs"]!["properties"]!["valeurs"]);
        // The feed of engaged SIRETs for other public services.
        var feed = document["paths"]!["/api/v1/siret"]!["get"]!;
        Assert.Equal("Lister les SIRET des établissements engagés", (string?)feed["summary"]);
        Assert.Contains("autres services publics", (string?)feed["description"], StringComparison.Ordinal);
        Assert.Equal(101, Parameter(feed, "departement")["schema"]!["enum"]!.AsArray().Count);
        Assert.Equal(1000, (int)Parameter(feed, "taillePage")["schema"]!["maximum"]!);
        Assert.Equal("date-time", (string?)Parameter(feed, "depuis")["schema"]!["format"]);
        Assert.NotNull(feed["responses"]!["200"]!["headers"]!["Link"]);
        Assert.Equal("55210055400005", (string?)document["components"]!["schemas"]!["EtablissementEngage"]!["properties"]!["siret"]!["examples"]![0]);
    }

    [Fact]
    public async Task Every_documented_operation_answers_as_documented_with_its_example_parameters()
    {
        await AddExampleCompanyAsync(Factory);
        var document = await DocumentAsync(Factory);
        var client = Factory.CreateClient();
        var checkedCalls = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var operation = item!["get"]!;
            var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            var route = PathParameter().Replace(path, m => Uri.EscapeDataString(Example(parameters.Single(p => (string?)p["name"] == m.Groups[1].Value))));
            var withExamples = route + "?" + string.Join('&', parameters.Where(p => (string?)p["in"] == "query" && p["example"] is not null)
                .Select(p => $"{p["name"]}={Uri.EscapeDataString(Example(p))}"));

            // Every example at once (filters combined), then only what is required (a full page to check the items' shape).
            foreach (var url in new[] { withExamples, route })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                AssertMatches(document, operation["responses"]!["200"]!, response, await response.Content.ReadAsStringAsync(), url);
                checkedCalls.Add(url);
            }

            if (route != path)
            {
                // A path parameter naming nothing: the documented 404, as a problem.
                var missing = PathParameter().Replace(path, "inexistant-0");
                var response = await client.GetAsync(missing);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                AssertMatches(document, operation["responses"]!["404"]!, response, await response.Content.ReadAsStringAsync(), missing);
            }
        }

        Assert.Equal(10, checkedCalls.Count);
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/entreprises"));
        Assert.True(page.RootElement.GetProperty("entreprises").GetArrayLength() > 0, "La page d’entreprises vérifiée était vide");
        using var sirets = JsonDocument.Parse(await client.GetStringAsync("/api/v1/siret"));
        Assert.True(sirets.RootElement.GetProperty("etablissements").GetArrayLength() > 0, "La page de SIRET vérifiée était vide");
    }

    [Fact]
    public async Task The_old_indicators_document_path_redirects_permanently_to_the_one_document()
    {
        var response = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/openapi/indicateurs/v1.json");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/openapi/v1.json", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_reference_page_loads_only_same_origin_script_files_under_the_site_policy()
    {
        var client = Factory.CreateClient();
        var response = await client.GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html).ToList();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, scripts.Count);
        foreach (var script in scripts)
        {
            var source = script.Groups["src"].Value;
            // A file of this site (no host, no protocol-relative URL) and no inline code.
            Assert.Matches("^/[^/]", source);
            Assert.True(string.IsNullOrWhiteSpace(script.Groups["body"].Value), "Script en ligne : " + script.Value);
            var file = await client.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/javascript", file.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Contains("data-document=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    private static string Example(JsonNode parameter) => parameter["example"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : parameter["example"]!.ToJsonString();

    /// <summary>The answer has the documented media type and validates against the documented schema (components as $defs).</summary>
    private static void AssertMatches(JsonObject document, JsonNode documented, HttpResponseMessage response, string body, string url)
    {
        var (mediaType, content) = documented["content"]!.AsObject().Single();
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var schema = content!["schema"]!.DeepClone().AsObject();
        schema["$defs"] = document["components"]!["schemas"]!.DeepClone();
        var text = schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var built = JsonSchema.FromText(text, baseUri: new Uri("https://schemas.plan10000.test/" + Guid.NewGuid().ToString("N")));
        using var answer = JsonDocument.Parse(body);
        var result = built.Evaluate(answer.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(result.IsValid, $"{url} ne suit pas son schéma : {string.Join("; ", errors)}");
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"<script(?:\s+src=""(?<src>[^""]*)"")?[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptTag();
}

/// <summary>A portal of its own (one host alive at a time): the Indicators module switched off.</summary>
public sealed class OpenApiModuleSwitchTests
{
    [Fact]
    public async Task A_disabled_module_api_vanishes_from_the_document()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Modules:Indicators:Enabled"] = "false" });
        try
        {
            var document = await DocumentAsync(factory);
            var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var gone = await factory.CreateClient().GetAsync("/api/v1/indicateurs");

            Assert.Equal(["/api/v1/entreprises", "/api/v1/entreprises/{slug}", "/api/v1/siret"], paths);
            Assert.DoesNotContain(document["tags"]!.AsArray(), t => (string?)t!["name"] == "Indicateurs");
            Assert.DoesNotContain("PageValeurs", document["components"]!["schemas"]!.AsObject().Select(s => s.Key));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            PortalFixture.TryDelete(factory.DataDirectory);
        }
    }
}
