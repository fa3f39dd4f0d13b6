using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Seed;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Clubs;

public sealed class DemoClubsTests : IDisposable
{
    private readonly PortalFactory factory = new(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });

    [Fact]
    public async Task Demo_clubs_cover_every_departement_with_demo_companies_with_members_and_meetings_once()
    {
        var client = factory.CreateClient();
        var page = await client.GetStringAsync("/clubs");
        using var scope = factory.Services.CreateScope();
        var companies = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var db = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        var departements = await companies.Companies.Where(c => c.Status == CompanyStatus.Approved).Select(c => c.DepartementCode).Distinct().ToListAsync();
        var clubs = await db.Clubs.Select(c => c.DepartementCode).ToListAsync();

        Assert.NotEmpty(departements);
        Assert.Equal(departements.Order(), clubs.Order());
        Assert.True(await db.Memberships.AnyAsync());
        Assert.True(await db.Meetings.AnyAsync(m => m.Minutes != null));
        Assert.True(await db.Meetings.AnyAsync(m => m.Minutes == null));
        Assert.Contains("Club des entreprises engagées", page);

        var count = await db.Clubs.CountAsync();
        await scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoClubsSeeder>().Single().SeedAsync(CancellationToken.None);
        Assert.Equal(count, await db.Clubs.CountAsync());
    }

    [Fact]
    public async Task Other_modules_read_the_demo_clubs_through_IClubsQuery()
    {
        _ = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        var query = scope.ServiceProvider.GetRequiredService<IClubsQuery>();
        var club = await db.Clubs.FirstAsync(c => db.Memberships.Any(m => m.ClubId == c.Id));
        db.Animators.Add(new Plan10000.Modules.Clubs.Models.ClubAnimator { ClubId = club.Id, UserId = "animateur-test", Email = "animateur@exemple.fr" });
        await db.SaveChangesAsync();
        var members = await db.Memberships.Where(m => m.ClubId == club.Id && m.Status == Plan10000.Modules.Clubs.Models.MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync();

        Assert.Equal(club.Name, (await query.GetClubAsync(club.Id))!.Name);
        Assert.Contains(await query.GetClubsAsync(club.DepartementCode), c => c.Id == club.Id);
        Assert.Equal(members.Order(), (await query.GetMemberCompanyIdsAsync(club.Id)).Order());
        Assert.All((await query.GetClubOfCompaniesAsync(members)).Values, v => Assert.Equal(club.Id, v));
        Assert.Equal(members.Count, (await query.GetClubOfCompaniesAsync(members)).Count);
        Assert.Contains(await query.GetAnimatorsAsync(club.Id), a => a.Email == "animateur@exemple.fr");
        Assert.Equal([club.Id], await query.GetAnimatedClubIdsAsync("animateur-test"));
        Assert.Contains(club.DepartementCode, await query.GetDepartementsWithActiveClubAsync());
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
