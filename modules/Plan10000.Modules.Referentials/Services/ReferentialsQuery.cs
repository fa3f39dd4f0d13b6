using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Plan10000.Modules.Referentials.Data;
using Plan10000.Modules.Referentials.Models;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Referentials.Services;

/// <summary>Reference data changes a few times a year: each list is read once and kept until the seeder or an edit clears it.</summary>
internal sealed class ReferentialsCache(IMemoryCache cache) : IDisposable
{
    private CancellationTokenSource reset = new();

    public Task<T> GetAsync<T>(string key, Func<Task<T>> load)
        => cache.GetOrCreateAsync("referentials:" + key, entry =>
        {
            entry.AddExpirationToken(new Microsoft.Extensions.Primitives.CancellationChangeToken(reset.Token));
            return load();
        })!;

    public void Clear()
    {
        var old = Interlocked.Exchange(ref reset, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose() => reset.Dispose();
}

internal sealed class ReferentialsQuery(ReferentialsDbContext db, ReferentialsCache cache) : IReferentialsQuery
{
    public Task<IReadOnlyList<RegionInfo>> GetRegionsAsync(CancellationToken cancellationToken = default)
        => cache.GetAsync<IReadOnlyList<RegionInfo>>("regions", async () =>
            await db.Regions.AsNoTracking().OrderBy(r => r.Nom).Select(r => new RegionInfo(r.Code, r.Nom, r.Zone)).ToListAsync(cancellationToken));

    public Task<IReadOnlyList<DepartementInfo>> GetDepartementsAsync(CancellationToken cancellationToken = default)
        => cache.GetAsync<IReadOnlyList<DepartementInfo>>("departements", async () =>
            await db.Departements.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartementInfo(d.Code, d.Nom, d.RegionCode, d.Zone)).ToListAsync(cancellationToken));

    public async Task<DepartementInfo?> FindDepartementAsync(string code, CancellationToken cancellationToken = default)
        => (await GetDepartementsAsync(cancellationToken)).FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    public Task<IReadOnlyList<ThemeInfo>> GetThemesAsync(CancellationToken cancellationToken = default)
        => cache.GetAsync<IReadOnlyList<ThemeInfo>>("themes", async () =>
            await db.Thematiques.AsNoTracking().OrderBy(t => t.Numero).Select(t => new ThemeInfo(t.Numero, t.Libelle, t.ServicesCompetents, t.Transversal)).ToListAsync(cancellationToken));

    public Task<IReadOnlyList<ReferenceItem>> GetPublicsAsync(CancellationToken cancellationToken = default) => Entries(ReferenceEntry.Public, cancellationToken);

    public Task<IReadOnlyList<ReferenceItem>> GetTaillesEntrepriseAsync(CancellationToken cancellationToken = default) => Entries(ReferenceEntry.Taille, cancellationToken);

    public Task<IReadOnlyList<ReferenceItem>> GetSecteursAsync(CancellationToken cancellationToken = default) => Entries(ReferenceEntry.Secteur, cancellationToken);

    private Task<IReadOnlyList<ReferenceItem>> Entries(string kind, CancellationToken cancellationToken)
        => cache.GetAsync<IReadOnlyList<ReferenceItem>>(kind, async () =>
            await db.Entries.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.Ordre).Select(e => new ReferenceItem(e.Code, e.Libelle)).ToListAsync(cancellationToken));
}
