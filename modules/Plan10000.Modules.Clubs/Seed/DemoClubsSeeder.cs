using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Clubs.Seed;

/// <summary>A club in each département that has demo companies, with a few members and meetings; runs after the companies' seeder, only on empty tables.</summary>
internal sealed class DemoClubsSeeder(ClubsDbContext db, ICompaniesQuery companies, IReferentialsQuery referentials, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Clubs.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var departement in await referentials.GetDepartementsAsync(cancellationToken))
        {
            var members = await companies.GetApprovedCompaniesAsync(departement.Code, 4, cancellationToken);
            if (members.Count == 0)
            {
                continue;
            }

            var club = new Club
            {
                Name = $"Club des entreprises engagées — {departement.Nom}",
                Description = $"Le club réunit les entreprises engagées de {departement.Nom} pour partager leurs pratiques d’inclusion et monter des actions communes.",
                DepartementCode = departement.Code,
                ReferentContacts = $"Préfecture — {departement.Nom} ; unité départementale de la DREETS",
                ContactEmail = $"club-{departement.Code.ToLowerInvariant()}@exemple.fr",
                Status = ClubStatus.Active,
                CreatedAtUtc = now.AddDays(-90),
                CreatedBy = "demo",
                IsDemo = true,
            };
            db.Clubs.Add(club);
            foreach (var company in members)
            {
                db.Memberships.Add(new ClubMembership { ClubId = club.Id, CompanyId = company.Id, Status = MembershipStatus.Accepted, RequestedAtUtc = now.AddDays(-80), DecidedAtUtc = now.AddDays(-79) });
            }

            var past = new Meeting
            {
                ClubId = club.Id,
                Title = "Rencontre de lancement",
                StartsAtUtc = now.Date.AddDays(-30).AddHours(8),
                EndsAtUtc = now.Date.AddDays(-30).AddHours(10),
                Place = "Préfecture, salle des commissions",
                Agenda = "Présentation du programme ; tour de table des engagements ; calendrier de l’année",
                Capacity = 30,
                Minutes = "Les membres ont présenté leurs engagements et retenu deux actions communes : une journée de découverte des métiers et un parrainage de jeunes diplômés.",
                MinutesFiledAtUtc = now.AddDays(-29),
                CreatedAtUtc = now.AddDays(-60),
            };
            past.Registrations.AddRange(members.Select(m => new MeetingRegistration { MeetingId = past.Id, CompanyId = m.Id, RegisteredAtUtc = now.AddDays(-40), Attended = true }));
            past.Decisions.Add(new MeetingDecision { MeetingId = past.Id, Text = "Organiser une journée de découverte des métiers au printemps.", CreatedAtUtc = now.AddDays(-29) });
            db.Meetings.Add(past);
            db.Meetings.Add(new Meeting
            {
                ClubId = club.Id,
                Title = "Point d’étape",
                StartsAtUtc = now.Date.AddDays(21).AddHours(8),
                EndsAtUtc = now.Date.AddDays(21).AddHours(10),
                VideoUrl = "https://visio.exemple.fr/club-" + departement.Code.ToLowerInvariant(),
                Agenda = "Résultats du trimestre ; préparation de la journée des métiers",
                Capacity = 25,
                CreatedAtUtc = now.AddDays(-5),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
