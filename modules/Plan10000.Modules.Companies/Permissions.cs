using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Scoped: a referent acts only on the companies of their own départements (checked through IAccessScope).</summary>
    public const string ModerateCompanies = "ModerateCompanies";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ModerateCompanies, "Valider ou refuser les inscriptions d’entreprises de ses départements", "Companies", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
    ];
}
