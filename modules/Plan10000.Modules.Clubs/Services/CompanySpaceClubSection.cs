using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Companies;

namespace Plan10000.Modules.Clubs.Services;

/// <summary>« Mon entreprise » shows the club of the company's département and where it stands with it.</summary>
internal sealed class CompanySpaceClubSection(ClubsDbContext db, ICompaniesQuery companies) : ICompanySpaceContributor
{
    public async Task<IReadOnlyList<CompanySpaceSection>> GetSectionsAsync(Guid companyId, string departementCode, CancellationToken cancellationToken)
    {
        var code = departementCode.ToUpperInvariant();
        var clubs = await db.Clubs.AsNoTracking().Where(c => c.DepartementCode == code && c.Status == ClubStatus.Active).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        if (clubs.Count == 0)
        {
            return [new("Club de votre département", "Votre département n’a pas encore de club d’entreprises engagées.", "Voir les clubs départementaux", "/clubs", 50)];
        }

        var ids = clubs.Select(c => c.Id).ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && ids.Contains(m.ClubId)).ToDictionaryAsync(m => m.ClubId, m => m.Status, cancellationToken);
        var approved = (await companies.GetCompanyAsync(companyId, cancellationToken))?.Approved == true;
        return [.. clubs.Select(c => new CompanySpaceSection(
            "Club : " + c.Name,
            memberships.GetValueOrDefault(c.Id, MembershipStatus.Left) switch
            {
                MembershipStatus.Accepted => "Votre entreprise est membre du club.",
                MembershipStatus.Pending => "Votre demande d’adhésion attend la réponse des animateurs.",
                _ when approved => "Votre entreprise peut demander à rejoindre ce club depuis sa page.",
                _ => "Votre entreprise pourra rejoindre le club une fois son inscription validée.",
            },
            memberships.GetValueOrDefault(c.Id) == MembershipStatus.Accepted ? "Voir le club et ses rencontres" : "Demander à adhérer depuis la page du club",
            "/clubs/" + code,
            50))];
    }
}
