using System.Security.Claims;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>
/// The one scope rule (ADR 0014), from the claims of the account, loaded into the sign-in cookie and refreshed with
/// the security stamp. A département claim counts for the roles whose scope is a territory (referent,
/// intermediation actor); an animator's département claim only stands for the clubs of that département while he
/// holds no club claim, so it never lets him create, validate or designate as a referent would.
/// </summary>
internal sealed class AccessScope : IAccessScope
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public bool IsNational(ClaimsPrincipal user) => user.IsInRole(PortalRoles.NationalAdmin);

    public IReadOnlySet<string>? Departements(ClaimsPrincipal user)
        => IsNational(user) ? null : OversightRole(user) ? Claimed(user, ScopeClaims.Departement) : None;

    public AnimatedClubs? Clubs(ClaimsPrincipal user)
    {
        if (IsNational(user))
        {
            return null;
        }

        var ids = user.FindAll(ScopeClaims.Club).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();
        var departements = ids.Count == 0 && user.IsInRole(PortalRoles.ClubAnimator) ? Claimed(user, ScopeClaims.Departement) : None;
        return new AnimatedClubs(ids, departements);
    }

    public bool CanActOnDepartement(ClaimsPrincipal user, string departementCode)
        => IsNational(user) || (OversightRole(user) && user.HasClaim(c => c.Type == ScopeClaims.Departement && string.Equals(c.Value, departementCode, StringComparison.OrdinalIgnoreCase)));

    public bool CanActOnCompany(ClaimsPrincipal user, string companyId)
        => IsNational(user) || user.HasClaim(ScopeClaims.Company, companyId);

    public bool Reaches(ClaimsPrincipal user, ScopeOwner owner, ScopeReach reach = ScopeReach.Oversee)
    {
        if (IsNational(user))
        {
            return true;
        }

        var animates = owner.ClubId is { } club && Clubs(user)!.Contains(club, owner.DepartementCode);
        return reach == ScopeReach.Animate
            ? animates
            : animates || CanActOnDepartement(user, owner.DepartementCode) || (owner.CompanyId is { } company && CanActOnCompany(user, company.ToString()));
    }

    private static bool OversightRole(ClaimsPrincipal user) => user.IsInRole(PortalRoles.TerritorialReferent) || user.IsInRole(PortalRoles.IntermediationActor);

    private static HashSet<string> Claimed(ClaimsPrincipal user, string type)
        => user.FindAll(type).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
