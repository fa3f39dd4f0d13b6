using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Conventions.ConventionsTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>A draft convention reads its members' figures in two Companies queries, whatever the number of members.</summary>
public sealed class ConventionQueryCountTests : IDisposable
{
    private readonly CommandCounter counter = new();
    private readonly PortalFactory factory;

    public ConventionQueryCountTests()
    {
        factory = new PortalFactory
        {
            TestServices = services => services.ConfigureDbContext<CompaniesDbContext>(o => o.AddInterceptors(counter)),
        };
    }

    [Fact]
    public async Task A_draft_costs_the_same_companies_queries_for_2_or_12_members()
    {
        var small = await ClubWithMembersAsync("44", "Petit club", 2);
        var big = await ClubWithMembersAsync("44", "Grand club", 12);
        var referent = await factory.CreateUserClientAsync(NewEmail("referent44"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "44"));

        var smallCount = await CountAsync(referent, small);
        var bigCount = await CountAsync(referent, big);

        Assert.Equal(2, smallCount);
        Assert.Equal(smallCount, bigCount);
    }

    private async Task<int> CountAsync(HttpClient client, Guid conventionId)
    {
        counter.Reset();
        var html = await client.GetStringAsync($"/admin/conventions/{conventionId}");
        Assert.Contains("Intentions chiffrées", System.Net.WebUtility.HtmlDecode(html));
        return counter.Commands.Count;
    }

    private async Task<Guid> ClubWithMembersAsync(string departement, string name, int members)
    {
        var club = await AddClubAsync(factory, departement, name);
        for (var i = 0; i < members; i++)
        {
            var company = await AddCompanyAsync(factory, $"{name} membre {i}", "44000", CompanyStatus.Approved, null, (1, "JEUNES", "Stages"));
            await SetIntentionAsync(factory, company.Id, 1, i + 1, "stages");
            await AddMemberAsync(factory, club.Id, company.Id);
        }

        var convention = await AddConventionAsync(factory, ConventionKind.StateClub, departement, name, ConventionStatus.Draft, null, null, club.Id);
        return convention.Id;
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
