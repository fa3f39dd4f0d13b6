namespace Plan10000.Portal.Abstractions.Queries.Companies;

/// <summary>A company as other modules may see it. <see cref="PublishesName"/>: the company consented to show its name publicly.</summary>
public sealed record CompanyInfo(Guid Id, string Name, string Slug, string DepartementCode, bool Approved, bool PublishesName);

/// <summary>The commitments of a set of companies counted by theme; <see cref="WithResults"/> counts the lines whose result was reported.</summary>
public sealed record ThemeCommitments(int ThemeNumero, int Commitments, int WithResults, int Companies);

/// <summary>
/// The quantified intentions of a set of companies for one theme and one unit (as typed on the fiches navettes,
/// trimmed): <see cref="Commitments"/> lines carry a quantity in that unit and <see cref="Quantity"/> is their sum.
/// </summary>
public sealed record PlannedIntentions(int ThemeNumero, string Unit, int Commitments, long Quantity);
/// <summary>A line of a company's fiche navette as other modules may see it (indicators link their values to it).</summary>
public sealed record CommitmentInfo(Guid Id, Guid CompanyId, int Position, int ThemeNumero, string Description, int? IntentionQuantity, string? IntentionUnit, int? IntentionYear, int? ResultQuantity);

/// <summary>Read side of the Companies module for the other modules (clubs, indicators...).</summary>
public interface ICompaniesQuery
{
    Task<CompanyInfo?> GetCompanyAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The given companies, whatever their status or consent: the caller applies its own rule.</summary>
    Task<IReadOnlyList<CompanyInfo>> GetCompaniesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Only the approved companies among <paramref name="ids"/> that publish their name.</summary>
    Task<IReadOnlyList<CompanyInfo>> GetPublicCompaniesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> approved companies of a département, by name (e.g. to seed demo clubs).</summary>
    Task<IReadOnlyList<CompanyInfo>> GetApprovedCompaniesAsync(string departementCode, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ThemeCommitments>> GetCommitmentsByThemeAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default);

    /// <summary>The companies among <paramref name="companyIds"/> that have at least one commitment with no reported result.</summary>
    Task<IReadOnlyList<Guid>> GetCompaniesWithoutResultsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default);

    /// <summary>The sums of the quantified intentions of <paramref name="companyIds"/> per theme and unit, in one query (e.g. a State–club convention).</summary>
    Task<IReadOnlyList<PlannedIntentions>> GetPlannedIntentionsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default);
    /// <summary>The commitments of the given companies, in one query, by company then position.</summary>
    Task<IReadOnlyList<CommitmentInfo>> GetCommitmentsAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default);

    /// <summary>The number of approved (engaged) companies per département code, in one query.</summary>
    Task<IReadOnlyDictionary<string, int>> CountApprovedCompaniesByDepartementAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The one way another module adds a line to a company's fiche navette (e.g. a club meeting decision);
/// the Companies module versions the fiche as for any other change. <paramref name="source"/> is recorded for the audit.
/// </summary>
public interface ICompanyCommitments
{
    /// <returns>The new commitment's id, or null when the company does not exist or is not approved, or the theme is unknown.</returns>
    Task<Guid?> AddCommitmentAsync(Guid companyId, int themeNumero, string description, int? quantity, string? unit, int? year, string source, CancellationToken cancellationToken = default);
}
