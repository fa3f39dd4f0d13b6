namespace Plan10000.Portal.Abstractions.Queries.Referentials;

public sealed record RegionInfo(string Code, string Nom, string Zone);

public sealed record DepartementInfo(string Code, string Nom, string RegionCode, string Zone);

public sealed record ThemeInfo(int Numero, string Libelle, string ServicesCompetents, bool Transversal);

public sealed record ReferenceItem(string Code, string Libelle);

/// <summary>Reference data owned by the Referentials module, cached.</summary>
public interface IReferentialsQuery
{
    Task<IReadOnlyList<RegionInfo>> GetRegionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DepartementInfo>> GetDepartementsAsync(CancellationToken cancellationToken = default);

    Task<DepartementInfo?> FindDepartementAsync(string code, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ThemeInfo>> GetThemesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReferenceItem>> GetPublicsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReferenceItem>> GetTaillesEntrepriseAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReferenceItem>> GetSecteursAsync(CancellationToken cancellationToken = default);
}
