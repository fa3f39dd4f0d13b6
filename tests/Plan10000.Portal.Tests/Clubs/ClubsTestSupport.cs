using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Clubs;

internal static class ClubsTestSupport
{
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@clubs.test";

    public static async Task<Club> AddClubAsync(PortalFactory factory, string departement, string name, ClubStatus status = ClubStatus.Active)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        var club = new Club { Name = name, Description = "Un club de test.", DepartementCode = departement, ReferentContacts = "Préfecture", ContactEmail = "club@exemple.fr", Status = status, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test" };
        db.Clubs.Add(club);
        await db.SaveChangesAsync();
        return club;
    }

    public static async Task<ClubMembership> AddMemberAsync(PortalFactory factory, Guid clubId, Guid companyId, MembershipStatus status = MembershipStatus.Accepted)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        var membership = new ClubMembership { ClubId = clubId, CompanyId = companyId, Status = status, RequestedAtUtc = DateTime.UtcNow };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return membership;
    }

    public static async Task<Meeting> AddMeetingAsync(PortalFactory factory, Guid clubId, DateTime startsAtUtc, int capacity = 10, string agenda = "Tour de table")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
        var meeting = new Meeting { ClubId = clubId, Title = "Rencontre " + Guid.NewGuid().ToString("N")[..6], StartsAtUtc = startsAtUtc, EndsAtUtc = startsAtUtc.AddHours(2), Place = "Préfecture", Agenda = agenda, Capacity = capacity, CreatedAtUtc = DateTime.UtcNow };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }

    public static async Task<T> WithClubsDbAsync<T>(PortalFactory factory, Func<ClubsDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClubsDbContext>());
    }
}
