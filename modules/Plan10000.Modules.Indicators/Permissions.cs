using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Indicators;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>National: indicator definitions, targets and reporting campaigns.</summary>
    public const string ManageIndicators = "ManageIndicators";

    /// <summary>Scoped: a referent reviews and validates the reports of their départements and enters département values.</summary>
    public const string ReviewIndicatorReports = "ReviewIndicatorReports";

    /// <summary>Scoped: national, régional and départemental dashboards of one's départements, the club dashboard of one's club.</summary>
    public const string ViewIndicatorDashboards = "ViewIndicatorDashboards";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageIndicators, "Définir les indicateurs, leurs cibles et les campagnes de remontée", "Indicators", [PortalRoles.NationalAdmin]),
        new(ReviewIndicatorReports, "Examiner et valider les remontées d’indicateurs de son périmètre", "Indicators", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
        new(ViewIndicatorDashboards, "Consulter les tableaux de bord des indicateurs de son périmètre", "Indicators", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent, PortalRoles.ClubAnimator]),
    ];
}
