using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Services;

internal sealed record ShowcaseFilter(string? Q, string? Region, string? Departement, int? Theme, string? Public, string? Taille, string? Secteur, int Page, int PageSize = ShowcaseQuery.PageSize);

internal sealed record ShowcasePage(IReadOnlyList<Company> Companies, int Total, int Page, int PageCount);

/// <summary>The public showcase: approved companies that agreed to be listed, and only what they agreed to publish.</summary>
internal sealed class ShowcaseQuery(CompaniesDbContext db, IReferentialsQuery referentials)
{
    public const int PageSize = 20;

    public const int NationalTarget = 10_000;

    public const int DepartementTarget = 100;

    internal IQueryable<Company> Listed()
        => db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Approved && c.Consents.Any(x => x.Item == PublicationItems.Name && x.Granted));

    internal async Task<ShowcasePage> SearchAsync(ShowcaseFilter filter, CancellationToken cancellationToken)
    {
        var query = Listed();
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            query = query.Where(c => c.DepartementCode == filter.Departement);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var codes = (await referentials.GetDepartementsAsync(cancellationToken)).Where(d => d.RegionCode == filter.Region).Select(d => d.Code).ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode));
        }

        if (!string.IsNullOrWhiteSpace(filter.Taille))
        {
            query = query.Where(c => c.SizeCode == filter.Taille);
        }

        if (!string.IsNullOrWhiteSpace(filter.Secteur))
        {
            query = query.Where(c => c.SectorCode == filter.Secteur);
        }

        // Theme and public filters read the commitments, so they match only companies that publish them.
        if (filter.Theme is { } theme || !string.IsNullOrWhiteSpace(filter.Public))
        {
            var publicCode = string.IsNullOrWhiteSpace(filter.Public) ? null : ";" + filter.Public + ";";
            query = query.Where(c => c.Consents.Any(x => x.Item == PublicationItems.Commitments && x.Granted)
                && c.Commitments.Any(m => (filter.Theme == null || m.ThemeNumero == filter.Theme) && (publicCode == null || m.PublicCodes.Contains(publicCode))));
        }

        var words = TextNormalizer.Fold(filter.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.Take(8))
        {
            query = query.Where(c => c.SearchText.Contains(word));
        }

        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, 100);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(filter.Page, 1, pageCount);

        var companies = await query
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        await LoadDetailsAsync(companies, cancellationToken);
        return new ShowcasePage(companies, total, page, pageCount);
    }

    /// <summary>
    /// The commitments and consents of a page, one query each, by the page's ids. A split Include would repeat the
    /// filtered, sorted and offset query inside each of them: at 10,000 companies that doubled the page's cost.
    /// </summary>
    private async Task LoadDetailsAsync(List<Company> companies, CancellationToken cancellationToken)
    {
        if (companies.Count == 0)
        {
            return;
        }

        var ids = companies.Select(c => c.Id).ToList();
        var commitments = (await db.Commitments.AsNoTracking().Where(m => ids.Contains(m.CompanyId)).ToListAsync(cancellationToken)).ToLookup(m => m.CompanyId);
        var consents = (await db.Consents.AsNoTracking().Where(x => ids.Contains(x.CompanyId)).ToListAsync(cancellationToken)).ToLookup(x => x.CompanyId);
        foreach (var company in companies)
        {
            company.Commitments.AddRange(commitments[company.Id].OrderBy(m => m.Position));
            company.Consents.AddRange(consents[company.Id]);
        }
    }

    /// <summary>Every listed company with its commitments, a batch at a time (three queries per batch, details by ids), for the open-data files and the sitemap.</summary>
    internal async IAsyncEnumerable<Company> AllListedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var companies = await Listed().OrderBy(c => c.Id).Skip(skip).Take(batch).ToListAsync(cancellationToken);
            await LoadDetailsAsync(companies, cancellationToken);
            foreach (var company in companies)
            {
                yield return company;
            }

            if (companies.Count < batch)
            {
                yield break;
            }
        }
    }

    internal Task<Company?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
        => Listed().Include(c => c.Commitments).Include(c => c.Consents).AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    internal async Task<IReadOnlyDictionary<string, int>> CountByDepartementAsync(CancellationToken cancellationToken)
        => await db.Companies.AsNoTracking()
            .Where(c => c.Status == CompanyStatus.Approved)
            .GroupBy(c => c.DepartementCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
