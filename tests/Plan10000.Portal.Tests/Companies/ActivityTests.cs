using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>« Entreprises les plus actives »: the order follows the score (published commitments, reported results, club).</summary>
public sealed class ActivityTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly string[] ExpectedOrder = ["Active Epsilon", "Active Gamma", "Active Beta", "Active Alpha"];

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_most_active_companies_of_a_departement_are_ordered_by_their_score_and_explained()
    {
        var alpha = await AddCompanyAsync(Factory, "Active Alpha", "48000", CompanyStatus.Approved, null, (1, "JEUNES", "Un"), (2, "JEUNES", "Deux"));
        var beta = await AddCompanyAsync(Factory, "Active Beta", "48000", CompanyStatus.Approved, null, (1, "JEUNES", "Un"));
        var gamma = await AddCompanyAsync(Factory, "Active Gamma", "48000", CompanyStatus.Approved, null, (1, "JEUNES", "Un"));
        var secret = await AddCompanyAsync(Factory, "Active Discrète", "48000", CompanyStatus.Approved, [PublicationItems.Name], (1, "JEUNES", "Un"), (2, "JEUNES", "Deux"), (3, "JEUNES", "Trois"));
        var epsilon = await AddCompanyAsync(Factory, "Active Epsilon", "48000", CompanyStatus.Approved, null, (1, "JEUNES", "Un"), (2, "JEUNES", "Deux"), (3, "JEUNES", "Trois"), (4, "JEUNES", "Quatre"));
        await AddCompanyAsync(Factory, "Active Ailleurs", "12000", CompanyStatus.Approved, null, (1, "JEUNES", "Un"), (2, "JEUNES", "Deux"), (3, "JEUNES", "Trois"), (4, "JEUNES", "Quatre"), (5, "JEUNES", "Cinq"));
        await ReportResultsAsync(beta.Id, 1);
        await ReportResultsAsync(epsilon.Id, 1);
        await ReportResultsAsync(secret.Id, 3);
        var club = await AddClubAsync(Factory, "48", "Club de Lozère");
        await AddMemberAsync(Factory, club.Id, gamma.Id);
        await AddMemberAsync(Factory, club.Id, alpha.Id, MembershipStatus.Pending);

        IReadOnlyList<ActiveCompany> top;
        using (var scope = Factory.Services.CreateScope())
        {
            top = await scope.ServiceProvider.GetRequiredService<ActivityRanking>().TopAsync("48", 10, CancellationToken.None);
        }

        var html = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/entreprises-engagees?departement=48"));
        var section = html[html.IndexOf("id=\"plus-actives\"", StringComparison.Ordinal)..html.IndexOf("id=\"resultats\"", StringComparison.Ordinal)];

        Assert.Equal(ExpectedOrder, top.Select(c => c.Name));
        Assert.Equal([6, 4, 3, 2], top.Select(c => c.Score));
        Assert.True(top[1].InClub);
        Assert.DoesNotContain(top, c => c.Name == "Active Discrète");
        var positions = ExpectedOrder.Select(n => section.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Active Ailleurs", section);
        Assert.Contains("Entreprises les plus actives dans le département Lozère (48)", section);
        Assert.Contains("1 point par engagement publié, 2 points par engagement dont le résultat a été déclaré", section);
        Assert.Contains("Active Gamma</a> (Lozère) : 4 points — 1 engagement publié, 0 résultat déclaré, membre du club du département", section);
        Assert.Contains("href=\"/presse/48\"", html);
    }

    private async Task ReportResultsAsync(Guid companyId, int lines)
        => await WithDbAsync(Factory, async db =>
        {
            foreach (var commitment in await db.Commitments.Where(c => c.CompanyId == companyId).OrderBy(c => c.Position).Take(lines).ToListAsync())
            {
                commitment.ResultQuantity = 1;
                commitment.ResultReportedAt = DateTimeOffset.UtcNow;
            }

            return await db.SaveChangesAsync();
        });
}
