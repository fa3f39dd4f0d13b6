using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Services;

/// <summary>The Companies module's answers to the other modules (clubs): plain values, no entity leaves the module.</summary>
internal sealed class CompaniesQuery(CompaniesDbContext db, CompanyService companies, IReferentialsQuery referentials) : ICompaniesQuery, ICompanyCommitments
{
    public async Task<CompanyInfo?> GetCompanyAsync(Guid id, CancellationToken cancellationToken = default)
        => (await GetCompaniesAsync([id], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<CompanyInfo>> GetCompaniesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        return await db.Companies.AsNoTracking()
            .Where(c => list.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new CompanyInfo(
                c.Id,
                c.Name,
                c.Slug,
                c.DepartementCode,
                c.Status == CompanyStatus.Approved,
                c.Consents.Any(k => k.Item == PublicationItems.Name && k.Granted)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CompanyInfo>> GetPublicCompaniesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
        => [.. (await GetCompaniesAsync(ids, cancellationToken)).Where(c => c.Approved && c.PublishesName)];

    public async Task<IReadOnlyList<CompanyInfo>> GetApprovedCompaniesAsync(string departementCode, int max, CancellationToken cancellationToken = default)
    {
        var ids = await db.Companies.AsNoTracking()
            .Where(c => c.DepartementCode == departementCode && c.Status == CompanyStatus.Approved)
            .OrderBy(c => c.Name)
            .Take(max)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return await GetCompaniesAsync(ids, cancellationToken);
    }

    public async Task<IReadOnlyList<ThemeCommitments>> GetCommitmentsByThemeAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default)
    {
        var list = companyIds.Distinct().ToList();
        var rows = await db.Commitments.AsNoTracking()
            .Where(c => list.Contains(c.CompanyId))
            .GroupBy(c => c.ThemeNumero)
            .Select(g => new
            {
                Theme = g.Key,
                Count = g.Count(),
                WithResults = g.Count(c => c.ResultQuantity != null || c.ResultComment != null),
                Companies = g.Select(c => c.CompanyId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Theme).Select(r => new ThemeCommitments(r.Theme, r.Count, r.WithResults, r.Companies))];
    }

    public async Task<IReadOnlyList<Guid>> GetCompaniesWithoutResultsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default)
    {
        var list = companyIds.Distinct().ToList();
        return await db.Commitments.AsNoTracking()
            .Where(c => list.Contains(c.CompanyId) && c.ResultQuantity == null && c.ResultComment == null)
            .Select(c => c.CompanyId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CommitmentInfo>> GetCommitmentsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default)
    {
        var list = companyIds.Distinct().ToList();
        return await db.Commitments.AsNoTracking()
            .Where(c => list.Contains(c.CompanyId))
            .OrderBy(c => c.CompanyId).ThenBy(c => c.Position)
            .Select(c => new CommitmentInfo(c.Id, c.CompanyId, c.Position, c.ThemeNumero, c.Description, c.IntentionQuantity, c.IntentionUnit, c.IntentionYear, c.ResultQuantity))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountApprovedCompaniesByDepartementAsync(CancellationToken cancellationToken = default)
        => await db.Companies.AsNoTracking()
            .Where(c => c.Status == CompanyStatus.Approved)
            .GroupBy(c => c.DepartementCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<Guid?> AddCommitmentAsync(Guid companyId, int themeNumero, string description, int? quantity, string? unit, int? year, string source, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.Include(c => c.Commitments).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        var themes = await referentials.GetThemesAsync(cancellationToken);
        if (company is null || company.Status != CompanyStatus.Approved || themes.All(t => t.Numero != themeNumero) || string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var text = description.Trim();
        text = text.Length > 2000 ? text[..2000] : text;
        await companies.AddCommitmentAsync(company, new CommitmentData(themeNumero, [], text, quantity, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), year), source, cancellationToken);
        return company.Commitments.OrderByDescending(c => c.Position).First().Id;
    }

    public async Task<IReadOnlyList<PlannedIntentions>> GetPlannedIntentionsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default)
    {
        var list = companyIds.Distinct().ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var rows = await db.Commitments.AsNoTracking()
            .Where(c => list.Contains(c.CompanyId) && c.IntentionQuantity != null && c.IntentionUnit != null)
            .GroupBy(c => new { c.ThemeNumero, c.IntentionUnit })
            .Select(g => new { g.Key.ThemeNumero, g.Key.IntentionUnit, Count = g.Count(), Sum = g.Sum(c => (long)c.IntentionQuantity!.Value) })
            .ToListAsync(cancellationToken);

        // Units are free text: « stages » and « Stages » are one unit.
        return [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.IntentionUnit))
            .GroupBy(r => (r.ThemeNumero, Unit: r.IntentionUnit!.Trim().ToLowerInvariant()))
            .Select(g => new PlannedIntentions(g.Key.ThemeNumero, g.Key.Unit, g.Sum(r => r.Count), g.Sum(r => r.Sum)))
            .OrderBy(p => p.ThemeNumero).ThenBy(p => p.Unit, StringComparer.Ordinal)];
    }
}
