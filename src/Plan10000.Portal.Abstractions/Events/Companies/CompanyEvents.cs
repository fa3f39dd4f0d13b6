namespace Plan10000.Portal.Abstractions.Events.Companies;

/// <summary>Published after a referent approves a sign-up: the company enters the showcase, the counters and the open data.</summary>
public sealed record CompanyApproved(Guid CompanyId, string DepartementCode);

/// <summary>Published after a company leaves the programme at its own request: it leaves every public page.</summary>
public sealed record CompanyWithdrawn(Guid CompanyId, string DepartementCode);

/// <summary>Published after a change of what a company publishes: profile, consents, fiche navette, results.</summary>
public sealed record CompanyEdited(Guid CompanyId, string DepartementCode);
