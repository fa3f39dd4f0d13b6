namespace Plan10000.Modules.Companies.ViewModels;

public sealed record PendingCompany(Guid Id, string Name, string Siret, string Departement, string City, DateTimeOffset CreatedAt);

public sealed record ModerationListViewModel(string Scope, IReadOnlyList<PendingCompany> Pending);

public sealed record ModerationDetailViewModel(Guid Id, string Name, bool Pending, IReadOnlyList<KeyValuePair<string, string>> Rows, IReadOnlyList<IReadOnlyList<string>> Commitments, string? Reason);
