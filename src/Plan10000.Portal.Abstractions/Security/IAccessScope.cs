using System.Security.Claims;

namespace Plan10000.Portal.Abstractions.Security;

/// <summary>Claim types that carry a user's scope; set by the Accounts module, read through <see cref="IAccessScope"/>.</summary>
public static class ScopeClaims
{
    public const string Departement = "portail:departement";
    public const string Club = "portail:club";
    public const string Company = "portail:entreprise";
}

/// <summary>
/// Where an object sits for the scope rule: its département, and the club or the company it belongs to when it has
/// one (a meeting or a newsletter belongs to a club, a report to a company). See <see cref="IAccessScope"/>.
/// </summary>
public sealed record ScopeOwner(string DepartementCode, Guid? ClubId = null, Guid? CompanyId = null)
{
    public static ScopeOwner OfDepartement(string code) => new(code);

    public static ScopeOwner OfClub(Guid clubId, string departementCode) => new(departementCode, clubId);

    public static ScopeOwner OfCompany(Guid companyId, string departementCode) => new(departementCode, CompanyId: companyId);
}

/// <summary>
/// How far the reader must reach: <see cref="Oversee"/> an object (see it, validate it: the département's referents
/// as well as the club's animators), or <see cref="Animate"/> its club (members, meetings, newsletters: the
/// animators only).
/// </summary>
public enum ScopeReach
{
    Oversee,
    Animate,
}

/// <summary>
/// The clubs an account animates: those of its club claims; an animator account holding département claims and no
/// club claim (created before being designated) animates the clubs of those départements.
/// </summary>
public sealed record AnimatedClubs(IReadOnlySet<Guid> Ids, IReadOnlySet<string> Departements)
{
    public bool Contains(Guid clubId, string departementCode) => Ids.Contains(clubId) || Departements.Contains(departementCode);
}

/// <summary>
/// The one scope rule every module uses (ADR 0014): a national admin reaches everything; a territorial referent or
/// an intermediation actor the objects of their départements, the clubs of those départements included; a club
/// animator the clubs he animates (<see cref="AnimatedClubs"/>) and what belongs to them; a company account its
/// company. Call it on the server in every back-office action, after the permission check — or load the object
/// through <see cref="ScopedLoading.LoadInScopeAsync{T}(Microsoft.AspNetCore.Mvc.ControllerBase, Task{T}, Func{T, ScopeOwner?}, ScopeReach)"/>.
/// </summary>
public interface IAccessScope
{
    bool IsNational(ClaimsPrincipal user);

    /// <summary>The départements the user oversees; null means all of them (national). An animator oversees none.</summary>
    IReadOnlySet<string>? Departements(ClaimsPrincipal user);

    /// <summary>The clubs the user animates; null means all of them (national).</summary>
    AnimatedClubs? Clubs(ClaimsPrincipal user);

    bool CanActOnDepartement(ClaimsPrincipal user, string departementCode);

    bool CanActOnCompany(ClaimsPrincipal user, string companyId);

    /// <summary>Whether the user reaches an object, as <paramref name="reach"/> says.</summary>
    bool Reaches(ClaimsPrincipal user, ScopeOwner owner, ScopeReach reach = ScopeReach.Oversee);
}

/// <summary>Whether a user meets the two-factor rule for the back office; used where MVC filters do not run.</summary>
public interface IAdminTwoFactorRule
{
    bool IsSatisfiedBy(ClaimsPrincipal user);
}
