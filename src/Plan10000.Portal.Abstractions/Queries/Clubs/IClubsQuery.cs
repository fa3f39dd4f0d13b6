namespace Plan10000.Portal.Abstractions.Queries.Clubs;

/// <summary>A club as other modules may see it. <see cref="Active"/>: validated and not closed.</summary>
public sealed record ClubInfo(Guid Id, string Name, string DepartementCode, bool Active)
{
    /// <summary>Where the club and what belongs to it (meetings, newsletters, conventions) sit for the scope rule.</summary>
    public Security.ScopeOwner Owner => Security.ScopeOwner.OfClub(Id, DepartementCode);
}

/// <summary>An account animating a club (plain id of the Accounts module).</summary>
public sealed record ClubAnimatorInfo(Guid ClubId, string UserId, string Email);

/// <summary>Read side of the Clubs module for the other modules (conventions, indicators, newsletters, notifications).</summary>
public interface IClubsQuery
{
    Task<ClubInfo?> GetClubAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Every club (any status) of a département, or of all départements when <paramref name="departementCode"/> is null.</summary>
    Task<IReadOnlyList<ClubInfo>> GetClubsAsync(string? departementCode, CancellationToken cancellationToken = default);

    /// <summary>The companies whose membership of the club is accepted.</summary>
    Task<IReadOnlyList<Guid>> GetMemberCompanyIdsAsync(Guid clubId, CancellationToken cancellationToken = default);

    /// <summary>For each given club, the companies whose membership is accepted (one query; clubs without members are absent).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetMemberCompanyIdsAsync(IReadOnlyCollection<Guid> clubIds, CancellationToken cancellationToken = default);

    /// <summary>For each given company with an accepted membership, the club it belongs to.</summary>
    Task<IReadOnlyDictionary<Guid, Guid>> GetClubOfCompaniesAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ClubAnimatorInfo>> GetAnimatorsAsync(Guid clubId, CancellationToken cancellationToken = default);

    /// <summary>The clubs a user animates.</summary>
    Task<IReadOnlyList<Guid>> GetAnimatedClubIdsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The codes of the départements that have at least one active club.</summary>
    Task<IReadOnlyList<string>> GetDepartementsWithActiveClubAsync(CancellationToken cancellationToken = default);
}
