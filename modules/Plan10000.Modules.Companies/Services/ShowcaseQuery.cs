using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Services;

internal sealed record ShowcaseFilter(string? Q, string? Region, string? Departement, int? Theme, string? Public, string? Taille, string? Secteur, int Page, int PageSize = ShowcaseQuery.PageSize);

/// <summary>What a page needs of each company's commitments.</summary>
internal enum ShowcaseDetail
{
    /// <summary>Only their themes (the cards of the HTML page): read from the (CompanyId, ThemeNumero) index alone.</summary>
    Themes,

    /// <summary>Every field (the API and the open-data files).</summary>
    Full,
}

internal sealed record ShowcasePage(IReadOnlyList<Company> Companies, int Total, int Page, int PageCount);

/// <summary>The public showcase: approved companies that agreed to be listed, and only what they agreed to publish.</summary>
internal sealed class ShowcaseQuery(CompaniesDbContext db, IReferentialsQuery referentials)
{
    public const int PageSize = 20;

    public const int NationalTarget = 10_000;

    public const int DepartementTarget = 100;

    /// <summary>
    /// Approved companies that agreed to show their name (<see cref="Company.IsListed"/>, ADR 0033). Every public page
    /// reads them: the queries are prepared on PostgreSQL (ADR 0032).
    /// </summary>
    internal IQueryable<Company> Listed() => Companies().Where(c => c.IsListed);

    private IQueryable<Company> Companies() => db.Companies.AsNoTracking().TagWith(QueryTags.Prepared);

    /// <summary>
    /// <paramref name="scan"/>: the query reads every listed company (a count, the key of a deep page). The consent is
    /// then an <c>IN</c> over the consents' covering index (Item, Granted, CompanyId), read once, instead of one
    /// correlated lookup per company (SQLite at 10,000: a count 50 → 12 ms; ADR 0022). For a page of 20 rows the
    /// lookups are cheaper than reading the 10,000 ids.
    /// </summary>
    private IQueryable<Company> Consenting(IQueryable<Company> query, string item, bool scan)
    {
        if (!scan)
        {
            return query.Where(c => c.Consents.Any(x => x.Item == item && x.Granted));
        }

        var consenting = db.Consents.Where(x => x.Item == item && x.Granted).Select(x => x.CompanyId);
        return query.Where(c => consenting.Contains(c.Id));
    }

    internal async Task<ShowcasePage> SearchAsync(ShowcaseFilter filter, ShowcaseDetail detail, CancellationToken cancellationToken)
    {
        // One connection for the page's four queries: EF Core otherwise takes one from the pool for each, and Npgsql
        // resets a returned connection with a round trip (DISCARD ALL) before its next use.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SearchOnOpenConnectionAsync(filter, detail, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ShowcasePage> SearchOnOpenConnectionAsync(ShowcaseFilter filter, ShowcaseDetail detail, CancellationToken cancellationToken)
    {
        var codes = string.IsNullOrWhiteSpace(filter.Departement) && !string.IsNullOrWhiteSpace(filter.Region)
            ? (await referentials.GetDepartementsAsync(cancellationToken)).Where(d => d.RegionCode == filter.Region).Select(d => d.Code).ToList()
            : null;
        // A département or région keeps the count and the key under ~1,000 rows: per-row commitment-consent lookups beat reading every id.
        var scan = string.IsNullOrWhiteSpace(filter.Departement) && codes is null;
        var scanned = Filtered(filter, codes, scan);
        var words = Words(filter.Q);
        var onlyWords = string.IsNullOrWhiteSpace(filter.Departement) && codes is null && filter.Theme is null
            && string.IsNullOrWhiteSpace(filter.Public) && string.IsNullOrWhiteSpace(filter.Taille) && string.IsNullOrWhiteSpace(filter.Secteur);
        var total = (onlyWords ? await CompanyTextSearch.CountListedAsync(db, words, cancellationToken) : null)
            ?? await scanned.CountAsync(cancellationToken);
        var paging = Paging.Of(total, Math.Clamp(filter.PageSize, 1, 100), filter.Page);

        // A searched page, or a département's (~100 companies, an index range in name order), takes an offset rather than
        // a key then a seek (ADR 0022): the offset walks the matches only, never the whole list, and one query less is a
        // third less work for a search, whose every query first gathers its matches (FTS5 or trigram lookups).
        var companies = words.Length > 0 || !string.IsNullOrWhiteSpace(filter.Departement)
            ? await scanned.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken)
            : await PageAsync(scanned, Filtered(filter, codes, scan: false), paging, total, cancellationToken);
        await LoadDetailsAsync(companies, detail, cancellationToken);
        return new ShowcasePage(companies, total, paging.Page, paging.PageCount);
    }

    /// <summary>The folded words of a search, eight at most.</summary>
    private static string[] Words(string? q) => [.. TextNormalizer.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8)];

    private IQueryable<Company> Filtered(ShowcaseFilter filter, List<string>? regionCodes, bool scan)
    {
        var query = Listed();
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            query = query.Where(c => c.DepartementCode == filter.Departement);
        }
        else if (regionCodes is not null)
        {
            query = query.Where(c => regionCodes.Contains(c.DepartementCode));
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
        if (filter.Theme is not null || !string.IsNullOrWhiteSpace(filter.Public))
        {
            var publicCode = string.IsNullOrWhiteSpace(filter.Public) ? null : ";" + filter.Public + ";";
            query = Consenting(query, PublicationItems.Commitments, scan)
                .Where(c => c.Commitments.Any(m => (filter.Theme == null || m.ThemeNumero == filter.Theme) && (publicCode == null || m.PublicCodes.Contains(publicCode))));
        }

        foreach (var word in Words(filter.Q))
        {
            query = query.ListedContaining(db, word);
        }

        return query;
    }

    /// <summary>
    /// Paging behind the public <c>?page=N</c> (ADR 0022): the first page is a seek by name (<paramref name="seek"/> form,
    /// per-row lookups, stops after <see cref="Paging.Size"/> rows); a later page reads its ids from the ordering index
    /// alone (<paramref name="scan"/> form), its rows read by id in the same query. The ids are walked to from the nearer
    /// end of the list, so no page walks more than half of it: page 400 of 500 walks 2,000 entries back, not 7,980
    /// forward. An offset over whole rows made the database fetch and check every skipped company (page 400 read 8,000
    /// rows to show 20).
    /// </summary>
    private async Task<List<Company>> PageAsync(IQueryable<Company> scan, IQueryable<Company> seek, Paging paging, int total, CancellationToken cancellationToken)
    {
        if (paging.Page == 1)
        {
            return await seek.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(paging.Size).ToListAsync(cancellationToken);
        }

        var take = Math.Min(paging.Size, total - paging.Skip);
        if (take <= 0)
        {
            return [];
        }

        var after = total - paging.Skip - take;
        var backward = after < paging.Skip;
        var skip = backward ? after : paging.Skip;
        var ordered = backward
            ? scan.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id).Select(c => c.Id)
            : scan.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id);
        // Id IN (ids of the page), not a join to them: PostgreSQL spent ~1.3 ms of CPU planning the join against ~0.55 for
        // the whole IN query (page 1: ~0.3). The skip and take are written inside the lambda so that they stay parameters:
        // on a query built beforehand, Queryable.Skip holds its count as a constant, one compiled query per page number.
        // A full page of the default size takes its size as a constant: PostgreSQL then keeps one generic plan of the
        // prepared statement (an unknown offset is estimated, an unknown limit too, and a plan for both looked dearer
        // than planning each run again). Other sizes stay a parameter, so that they make no new statements.
        var page = take == PageSize
            ? Companies().Where(c => ordered.Skip(skip).Take(EF.Constant(PageSize)).Contains(c.Id))
            : Companies().Where(c => ordered.Skip(skip).Take(take).Contains(c.Id));
        return await page.OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The commitments and consents of a page, one query each, by the page's ids. A split Include would repeat the
    /// filtered, sorted and offset query inside each of them: at 10,000 companies that doubled the page's cost.
    /// With <see cref="ShowcaseDetail.Themes"/>, reading whole commitment rows was half the CPU of an HTML page.
    /// </summary>
    private async Task LoadDetailsAsync(List<Company> companies, ShowcaseDetail detail, CancellationToken cancellationToken)
    {
        if (companies.Count == 0)
        {
            return;
        }

        var ids = companies.Select(c => c.Id).ToList();
        var ofPage = db.Commitments.AsNoTracking().TagWith(QueryTags.Prepared).Where(m => ids.Contains(m.CompanyId));
        var commitments = (detail == ShowcaseDetail.Full
            ? await ofPage.ToListAsync(cancellationToken)
            : await ofPage.Select(m => new Commitment { CompanyId = m.CompanyId, ThemeNumero = m.ThemeNumero }).ToListAsync(cancellationToken)).ToLookup(m => m.CompanyId);
        var consents = (await db.Consents.AsNoTracking().TagWith(QueryTags.Prepared).Where(x => ids.Contains(x.CompanyId)).ToListAsync(cancellationToken)).ToLookup(x => x.CompanyId);
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
            await LoadDetailsAsync(companies, ShowcaseDetail.Full, cancellationToken);
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

    /// <summary>
    /// The latest change of any company, listed or not: a company leaving the showcase (withdrawal, consent taken back)
    /// changes a list without being in it, so a list's <c>Last-Modified</c> must not go back in time. Null when there is
    /// no company yet.
    /// </summary>
    internal async Task<DateTimeOffset?> LastChangeAsync(CancellationToken cancellationToken)
        => await Companies().MaxAsync(c => (DateTime?)c.UpdatedAt, cancellationToken) is { } last
            ? Company.Utc(last)
            : null;

    internal Task<Company?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
        => Listed().Include(c => c.Commitments).Include(c => c.Consents).AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    internal async Task<IReadOnlyDictionary<string, int>> CountByDepartementAsync(CancellationToken cancellationToken)
        => await db.Companies.AsNoTracking()
            .Where(c => c.Status == CompanyStatus.Approved)
            .GroupBy(c => c.DepartementCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
