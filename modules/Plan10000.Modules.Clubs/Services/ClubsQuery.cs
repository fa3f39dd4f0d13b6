using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Queries.Clubs;

namespace Plan10000.Modules.Clubs.Services;

internal sealed class ClubsQuery(ClubsDbContext db) : IClubsQuery
{
    public async Task<ClubInfo?> GetClubAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Clubs.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClubInfo(c.Id, c.Name, c.DepartementCode, c.Status == ClubStatus.Active))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ClubInfo>> GetClubsAsync(string? departementCode, CancellationToken cancellationToken = default) =>
        await db.Clubs.AsNoTracking()
            .Where(c => departementCode == null || c.DepartementCode == departementCode)
            .OrderBy(c => c.DepartementCode).ThenBy(c => c.Name)
            .Select(c => new ClubInfo(c.Id, c.Name, c.DepartementCode, c.Status == ClubStatus.Active))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> GetMemberCompanyIdsAsync(Guid clubId, CancellationToken cancellationToken = default) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.ClubId == clubId && m.Status == MembershipStatus.Accepted)
            .Select(m => m.CompanyId)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetMemberCompanyIdsAsync(IReadOnlyCollection<Guid> clubIds, CancellationToken cancellationToken = default)
    {
        if (clubIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<Guid>>();
        }

        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Accepted && clubIds.Contains(m.ClubId))
            .Select(m => new { m.ClubId, m.CompanyId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ClubId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(r => r.CompanyId)]);
    }

    public async Task<IReadOnlyDictionary<Guid, Guid>> GetClubOfCompaniesAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default)
    {
        if (companyIds.Count == 0)
        {
            return new Dictionary<Guid, Guid>();
        }

        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Accepted && companyIds.Contains(m.CompanyId))
            .Select(m => new { m.CompanyId, m.ClubId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.CompanyId).ToDictionary(g => g.Key, g => g.First().ClubId);
    }

    public async Task<IReadOnlyList<ClubAnimatorInfo>> GetAnimatorsAsync(Guid clubId, CancellationToken cancellationToken = default) =>
        await db.Animators.AsNoTracking().Where(a => a.ClubId == clubId)
            .OrderBy(a => a.Email)
            .Select(a => new ClubAnimatorInfo(a.ClubId, a.UserId, a.Email))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> GetAnimatedClubIdsAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Animators.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.ClubId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> GetDepartementsWithActiveClubAsync(CancellationToken cancellationToken = default) =>
        await db.Clubs.AsNoTracking().Where(c => c.Status == ClubStatus.Active)
            .Select(c => c.DepartementCode).Distinct().OrderBy(c => c)
            .ToListAsync(cancellationToken);
}
