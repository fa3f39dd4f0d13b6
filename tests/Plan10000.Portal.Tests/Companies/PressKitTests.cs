using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class PressKitTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_press_kit_of_a_departement_shows_its_figures_with_consented_information_only_and_its_csv_reads_back()
    {
        var open = await AddCompanyAsync(Factory, "Presse Ouverte Gap", "05000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages de 3e"), (3, "JEUNES", "Apprentis"));
        var discreet = await AddCompanyAsync(Factory, "Presse Discrète Briançon", "05100", CompanyStatus.Approved, [PublicationItems.Name], (5, "TH", "Engagement non publié"));
        await AddCompanyAsync(Factory, "Presse En Attente", "05000", CompanyStatus.Pending, null, (1, "REPPLUS", "Stages"));
        await AddCompanyAsync(Factory, "Presse Ailleurs", "04000", CompanyStatus.Approved, null, (1, "REPPLUS", "Stages"));
        await WithDbAsync(Factory, async db =>
        {
            (await db.Companies.SingleAsync(c => c.Id == open.Id)).City = "Gap";
            (await db.Companies.SingleAsync(c => c.Id == discreet.Id)).City = "Briançon";
            var line = await db.Commitments.SingleAsync(c => c.CompanyId == open.Id && c.Position == 1);
            line.ResultQuantity = 5;
            line.ResultReportedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        var club = await AddClubAsync(Factory, "05", "Club des Hautes-Alpes");
        await AddMemberAsync(Factory, club.Id, open.Id);
        var client = Factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/presse/05");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var csv = await client.GetAsync("/presse/05/entreprises.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dossier de presse : Hautes-Alpes (05)", html);
        Assert.Matches(@"Entreprises engagées</dt>\s*<dd[^>]*>2</dd>", html);
        Assert.Matches(@"Part de l’objectif atteinte</dt>\s*<dd[^>]*>2 %</dd>", html);
        Assert.Matches(@"1\. [^<]+</t[dh]>\s*<td>1</td>\s*<td>1</td>", html);
        Assert.DoesNotMatch(@"5\. [^<]+</t[dh]>\s*<td>1</td>", html);
        Assert.Contains("Club des Hautes-Alpes : 1 entreprise membre", html);
        Assert.Contains("Presse Ouverte Gap</a> : 7 points", html);
        Assert.DoesNotContain("Presse En Attente", html);
        Assert.DoesNotContain("Presse Ailleurs", html);
        Assert.DoesNotContain("Engagement non publié", html);
        Assert.DoesNotContain("Briançon<", html.Replace("Presse Discrète Briançon<", "", StringComparison.Ordinal));
        Assert.Contains("href=\"/ressources/entreprises.css\"", html);
        Assert.Contains("href=\"/presse/05/entreprises.csv\"", html);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Entreprise;Taille;Secteur;Commune;Engagements publiés;Résultats déclarés;Membre du club;", lines[0], StringComparison.Ordinal);
        var discreetRow = lines.Single(l => l.StartsWith("Presse Discrète Briançon;", StringComparison.Ordinal)).Split(';');
        var openRow = lines.Single(l => l.StartsWith("Presse Ouverte Gap;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(["", "0", "0", "non"], discreetRow[3..7]);
        Assert.Equal(["Gap", "2", "1", "oui"], openRow[3..7]);
        Assert.EndsWith("/entreprises-engagees/" + open.Slug, openRow[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_departement_has_no_press_kit()
    {
        var client = Factory.CreateBrowserLikeClient();

        var page = await client.GetAsync("/presse/99");
        var csv = await client.GetAsync("/presse/99/entreprises.csv");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page non trouvée", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }
}
