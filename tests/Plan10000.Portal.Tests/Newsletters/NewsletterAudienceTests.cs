using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsScenarioSupport;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>Who receives a club's newsletter among the member companies' accounts.</summary>
public sealed class NewsletterAudienceTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_deactivated_account_of_a_member_company_no_longer_receives_the_club_newsletter()
    {
        var club = await AddClubAsync(Factory, "35", "Club d’Ille-et-Vilaine " + Guid.NewGuid().ToString("N")[..4]);
        var company = await AddApprovedCompanyAsync(Factory, "Conserverie Rennaise", "35000");
        await AddMemberAsync(Factory, club.Id, company);
        var active = NewEmail("active");
        var closed = NewEmail("fermee");
        await CreateAccountAsync(Factory, active, PortalRoles.Company, (ScopeClaims.Company, company.ToString()));
        await CreateAccountAsync(Factory, closed, PortalRoles.Company, (ScopeClaims.Company, company.ToString()));
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(closed))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        }

        IReadOnlyList<string> audience;
        using (var scope = Factory.Services.CreateScope())
        {
            audience = await scope.ServiceProvider.GetRequiredService<NewsletterSender>().AudienceAsync(club.Id, CancellationToken.None);
        }

        Assert.Contains(active.ToLowerInvariant(), audience);
        Assert.DoesNotContain(closed.ToLowerInvariant(), audience);
    }
}
