using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using System.Security.Cryptography;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Clubs.Seed;

/// <summary>
/// A club in each département that has demo companies, with a few members and meetings; runs after the companies'
/// and the accounts' seeders, only on empty tables. Each member company gets a contact account (as a sign-up
/// creates it), so a club newsletter reaches members as well as subscribers; the demo animator accounts of a
/// département are designated animators of its club the way a referent designates one.
/// </summary>
internal sealed class DemoClubsSeeder(ClubsDbContext db, ICompaniesQuery companies, IReferentialsQuery referentials, IAccountProvisioning accounts, ClubService clubs, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Clubs.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seeded = new List<(Club Club, IReadOnlyList<CompanyInfo> Members)>();
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
            seeded.Add((club, members));
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
        foreach (var (club, members) in seeded)
        {
            foreach (var animator in await accounts.GetDepartementAccountsAsync(PortalRoles.ClubAnimator, club.DepartementCode, cancellationToken))
            {
                await clubs.DesignateAnimatorAsync(club.Id, animator.UserId, animator.Email, cancellationToken);
            }

            foreach (var company in members)
            {
                await AddContactAsync(company, cancellationToken);
            }
        }
    }

    /// <summary>A company account on the reserved .invalid domain; its password is drawn and thrown away (nobody signs in with it).</summary>
    private async Task AddContactAsync(CompanyInfo company, CancellationToken cancellationToken)
    {
        var email = $"contact.{company.Slug}@demo.invalid";
        if (await accounts.ExistsAsync(email, cancellationToken))
        {
            return;
        }

        var created = await accounts.CreateCompanyUserAsync(email, "Contact — " + company.Name, "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), cancellationToken);
        if (created.UserId is not null)
        {
            await accounts.AddCompanyScopeAsync(created.UserId, company.Id.ToString(), cancellationToken);
        }
    }
}
