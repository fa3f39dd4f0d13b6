using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Clubs.Seed;

/// <summary>
/// Benchmark data for the clubs: one club per département, about 60 % of its approved companies as members, four
/// meetings (two past with minutes and attendance, two to come with registrations). Runs after the companies' scale
/// seeder, only on an empty Clubs module; one SaveChanges per batch of départements.
/// </summary>
internal sealed class ScaleClubsSeeder(ClubsDbContext db, ICompaniesQuery companies, IReferentialsQuery referentials, TimeProvider clock, ILogger<ScaleClubsSeeder> logger) : IScaleDataSeeder
{
    private const int DepartementsPerBatch = 20;

    public int Order => 30;

    public async Task SeedAsync(int companyCount, CancellationToken cancellationToken)
    {
        if (companyCount <= 0 || await db.Clubs.AnyAsync(cancellationToken))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var random = new Random(20_27);
            var now = clock.GetUtcNow().UtcDateTime;
            var departements = await referentials.GetDepartementsAsync(cancellationToken);
            int clubs = 0, members = 0, meetings = 0;
            foreach (var batch in departements.Chunk(DepartementsPerBatch))
            {
                var newClubs = new List<Club>();
                var newMemberships = new List<ClubMembership>();
                var newMeetings = new List<Meeting>();
                foreach (var departement in batch)
                {
                    var approved = await companies.GetApprovedCompaniesAsync(departement.Code, 100_000, cancellationToken);
                    var club = new Club
                    {
                        Name = $"Club des entreprises engagées — {departement.Nom}",
                        Description = $"Les entreprises engagées de {departement.Nom} partagent leurs pratiques d’inclusion.",
                        DepartementCode = departement.Code,
                        ReferentContacts = $"Préfecture — {departement.Nom}",
                        ContactEmail = $"club-{departement.Code.ToLowerInvariant()}@exemple.fr",
                        Status = ClubStatus.Active,
                        CreatedAtUtc = now.AddDays(-200),
                        CreatedBy = "scale",
                    };
                    newClubs.Add(club);
                    var memberIds = approved.Where(_ => random.NextDouble() < 0.6).Select(c => c.Id).ToList();
                    newMemberships.AddRange(memberIds.Select(id => new ClubMembership { ClubId = club.Id, CompanyId = id, Status = MembershipStatus.Accepted, RequestedAtUtc = now.AddDays(-190), DecidedAtUtc = now.AddDays(-189) }));
                    foreach (var offset in new[] { -90, -30, 20, 60 })
                    {
                        var start = now.Date.AddDays(offset).AddHours(8);
                        var meeting = new Meeting
                        {
                            ClubId = club.Id,
                            Title = offset < 0 ? "Rencontre des membres" : "Prochaine rencontre des membres",
                            StartsAtUtc = start,
                            EndsAtUtc = start.AddHours(2),
                            Place = "Préfecture, salle des commissions",
                            Agenda = "Tour de table des engagements ; actions communes",
                            Capacity = Math.Max(10, memberIds.Count),
                            Minutes = offset < 0 ? "Les membres ont fait le point sur leurs engagements et retenu une action commune." : null,
                            MinutesFiledAtUtc = offset < 0 ? start.AddDays(1) : null,
                            CreatedAtUtc = start.AddDays(-30),
                        };
                        meeting.Registrations.AddRange(memberIds.Where(_ => random.NextDouble() < 0.5).Select(id => new MeetingRegistration { MeetingId = meeting.Id, CompanyId = id, RegisteredAtUtc = start.AddDays(-10), Attended = offset < 0 ? true : null }));
                        newMeetings.Add(meeting);
                    }

                    members += memberIds.Count;
                }

                db.Clubs.AddRange(newClubs);
                db.Memberships.AddRange(newMemberships);
                db.Meetings.AddRange(newMeetings);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                clubs += newClubs.Count;
                meetings += newMeetings.Count;
            }

            logger.LogInformation("Données de charge : {Clubs} clubs, {Members} adhésions et {Meetings} rencontres insérés en {Elapsed:F1} s", clubs, members, meetings, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
