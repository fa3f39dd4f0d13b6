using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Clubs;

/// <summary>Public helpers for the browser tests, which cannot see the modules' internals.</summary>
public static class ClubsScenarioSupport
{
    /// <summary>Creates a confirmed account (password <see cref="PortalFactory.AdminPassword"/>) without signing it in: a Kestrel-hosted factory has no in-memory client.</summary>
    public static async Task CreateAccountAsync(PortalFactory factory, string email, string role, params (string Type, string Value)[] claims)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, PortalFactory.AdminPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        foreach (var (type, value) in claims)
        {
            await users.AddClaimAsync(user, new System.Security.Claims.Claim(type, value));
        }
    }

    public static async Task<Guid> AddApprovedCompanyAsync(PortalFactory factory, string name, string postcode)
        => (await AddCompanyAsync(factory, name, postcode, CompanyStatus.Approved)).Id;

    /// <summary>Minutes are filed once a meeting has started: the test moves the club's meetings a day back instead of waiting.</summary>
    public static Task MoveMeetingsToPastAsync(PortalFactory factory, string clubName)
        => ClubsTestSupport.WithClubsDbAsync(factory, async db =>
        {
            var club = await db.Clubs.SingleAsync(c => c.Name == clubName);
            foreach (var meeting in await db.Meetings.Where(m => m.ClubId == club.Id).ToListAsync())
            {
                meeting.StartsAtUtc = DateTime.UtcNow.AddDays(-1);
                meeting.EndsAtUtc = DateTime.UtcNow.AddDays(-1).AddHours(2);
            }

            return await db.SaveChangesAsync();
        });

    public static Task<bool> HasCommitmentAsync(PortalFactory factory, Guid companyId, string description)
        => WithDbAsync(factory, db => db.Commitments.AnyAsync(c => c.CompanyId == companyId && c.Description == description));
}
