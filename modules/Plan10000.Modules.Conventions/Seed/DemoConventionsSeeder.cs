using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Modules.Conventions.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;

namespace Plan10000.Modules.Conventions.Seed;

/// <summary>
/// On the first demo clubs: a signed State–club convention (figures frozen), a PAQTE and a charter of a member
/// company, and one convention ending soon; runs after the clubs' seeder, only on an empty module.
/// </summary>
internal sealed class DemoConventionsSeeder(ConventionsDbContext db, ConventionService conventions, IClubsQuery clubs, ICompaniesQuery companies) : IDemoDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Conventions.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = conventions.Today;
        var active = (await clubs.GetClubsAsync(null, cancellationToken)).Where(c => c.Active).Take(4).ToList();
        var index = 0;
        foreach (var club in active)
        {
            var convention = new Convention
            {
                Kind = ConventionKind.StateClub,
                Title = $"Convention État–club — {club.Name}",
                DepartementCode = club.DepartementCode,
                ClubId = club.Id,
                PartyName = club.Name,
                Status = ConventionStatus.Draft,
                StartsOn = today.AddMonths(-6),
                // The second one ends within 30 days, to show the expiry list.
                EndsOn = index == 1 ? today.AddDays(20) : today.AddMonths(30),
                ThemeNumeros = "1;2;3",
                Body = "Les entreprises membres du club s’engagent collectivement sur les thématiques retenues ; l’État les accompagne et suit leurs résultats.",
                CreatedAtUtc = today.AddMonths(-7),
                CreatedBy = "demo",
                IsDemo = true,
            };
            convention.Signatories.Add(new Signatory { ConventionId = convention.Id, Side = SignatorySide.State, Name = "Le préfet", Quality = "Préfet du département " + club.DepartementCode, SignedOn = today.AddMonths(-6) });
            convention.Signatories.Add(new Signatory { ConventionId = convention.Id, Side = SignatorySide.Partner, Name = "L’animateur du club", Quality = "Animateur du club", SignedOn = today.AddMonths(-6) });
            db.Conventions.Add(convention);
            if (index < 3)
            {
                await conventions.SignAsync(convention, "demo", cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            var members = await companies.GetApprovedCompaniesAsync(club.DepartementCode, 2, cancellationToken);
            if (members.Count > 0)
            {
                var company = members[0];
                var paqte = new Convention
                {
                    Kind = ConventionKind.Paqte,
                    Title = "PAQTE — " + company.Name,
                    DepartementCode = club.DepartementCode,
                    CompanyId = company.Id,
                    PartyName = company.Name,
                    Status = ConventionStatus.Signed,
                    StartsOn = today.AddYears(-1),
                    EndsOn = today.AddYears(2).AddDays(-1),
                    SignedAtUtc = today.AddYears(-1),
                    SignedBy = "demo",
                    CreatedAtUtc = today.AddYears(-1),
                    CreatedBy = "demo",
                    IsDemo = true,
                };
                foreach (var axis in Enum.GetValues<PaqteAxis>())
                {
                    foreach (var indicator in ConventionService.AxisIndicators[axis])
                    {
                        for (var year = today.Year - 1; year <= today.Year + 1; year++)
                        {
                            paqte.Objectives.Add(new PaqteObjective { ConventionId = paqte.Id, Axis = axis, Indicator = indicator, Year = year, Target = 4, Result = year < today.Year ? 3 : null });
                        }
                    }
                }

                paqte.Signatories.Add(new Signatory { ConventionId = paqte.Id, Side = SignatorySide.State, Name = "Le préfet", Quality = "Préfet du département " + club.DepartementCode, SignedOn = today.AddYears(-1) });
                paqte.Signatories.Add(new Signatory { ConventionId = paqte.Id, Side = SignatorySide.Partner, Name = "La direction", Quality = "Présidente de " + company.Name, SignedOn = today.AddYears(-1) });
                db.Conventions.Add(paqte);
                db.Conventions.Add(new Convention
                {
                    Kind = ConventionKind.LegacyCharter,
                    Title = "Charte entreprises et quartiers — " + company.Name,
                    DepartementCode = club.DepartementCode,
                    CompanyId = company.Id,
                    PartyName = company.Name,
                    Status = ConventionStatus.Signed,
                    StartsOn = new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc),
                    EndsOn = new DateTime(2019, 12, 31, 0, 0, 0, DateTimeKind.Utc),
                    SignedAtUtc = new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc),
                    TransitionConventionId = index % 2 == 0 ? paqte.Id : null,
                    TransitionedOn = index % 2 == 0 ? today.AddYears(-1) : null,
                    CreatedAtUtc = today.AddYears(-1),
                    CreatedBy = "demo",
                    IsDemo = true,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            index++;
        }
    }
}
