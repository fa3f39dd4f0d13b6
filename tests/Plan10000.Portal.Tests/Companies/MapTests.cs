using System.Net;
using System.Text.RegularExpressions;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>The choropleth of /tableau-de-bord: drawn server-side from the packaged SVG, with its accessible table.</summary>
public sealed partial class MapTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_dashboard_draws_every_departement_with_the_bucket_of_its_count_and_the_overseas_as_boxes()
    {
        for (var i = 0; i < 3; i++)
        {
            await AddCompanyAsync(Factory, $"Carte Creuse {i}", "23000", CompanyStatus.Approved);
        }

        await AddCompanyAsync(Factory, "Carte Mayotte", "97600", CompanyStatus.Approved);
        await AddCompanyAsync(Factory, "Carte Cantal Attente", "15000", CompanyStatus.Pending);
        var client = Factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/tableau-de-bord");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var css = await client.GetAsync("/ressources/entreprises.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = PathPattern().Matches(html);
        Assert.Equal(96, paths.Count);
        Assert.Contains(paths, m => m.Groups["code"].Value == "2A");
        Assert.Matches(@"<path id=""departement-23"" class=""map-b1""[^>]*><title>Creuse \(23\) : 3 entreprises engagées, 3 % de l’objectif de 100</title>", html);
        Assert.Matches(@"<path id=""departement-15"" class=""map-b0""[^>]*><title>Cantal \(15\) : 0 entreprise engagée, 0 % de l’objectif de 100</title>", html);
        foreach (var code in new[] { "971", "972", "973", "974", "976" })
        {
            Assert.Contains($"<g id=\"departement-{code}\" class=\"companies-map__inset\">", html);
        }

        Assert.Matches(@"<rect class=""map-b1""[^>]*><title>Mayotte \(976\) : 1 entreprise engagée, 1 % de l’objectif de 100</title>", html);
        Assert.Contains("100 et plus (objectif atteint)", html);
        Assert.Contains(FranceMap.Credit, html);
        Assert.Matches(@"23</t[dh]>\s*<td>Creuse</td>\s*<td>[^<]*</td>\s*<td>3</td>\s*<td>3 %</td>", html);
        Assert.DoesNotContain("<script src=\"http", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/ressources/entreprises.css\" />", html[..html.IndexOf("</head>", StringComparison.Ordinal)]);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".map-b0", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(24, 1)]
    [InlineData(25, 2)]
    [InlineData(74, 3)]
    [InlineData(99, 4)]
    [InlineData(100, 5)]
    [InlineData(250, 5)]
    public void Buckets_follow_the_target_of_100(int count, int bucket) => Assert.Equal(bucket, FranceMap.BucketOf(count));

    [GeneratedRegex(@"<path id=""departement-(?<code>[0-9AB]{2,3})""")]
    private static partial Regex PathPattern();
}
