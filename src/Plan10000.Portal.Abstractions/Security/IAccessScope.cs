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
/// The one check every module uses for « may this user act on this département / club / company ».
/// A national admin acts everywhere; everyone else only inside the scopes granted to their account.
/// Call it on the server in every back-office action, after the permission check.
/// </summary>
public interface IAccessScope
{
    bool IsNational(ClaimsPrincipal user);

    /// <summary>The départements the user may act on; null means all of them (national).</summary>
    IReadOnlySet<string>? Departements(ClaimsPrincipal user);

    bool CanActOnDepartement(ClaimsPrincipal user, string departementCode);

    bool CanActOnClub(ClaimsPrincipal user, string clubId);

    bool CanActOnCompany(ClaimsPrincipal user, string companyId);
}

/// <summary>Whether a user meets the two-factor rule for the back office; used where MVC filters do not run.</summary>
public interface IAdminTwoFactorRule
{
    bool IsSatisfiedBy(ClaimsPrincipal user);
}
