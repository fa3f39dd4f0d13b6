using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Referentials.Controllers;

[Area("Referentials")]
[Route("admin/referentiels")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ViewReferentials)]
public sealed class AdminController(IReferentialsQuery referentials) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View(new ReferentialsViewModel(
            await referentials.GetRegionsAsync(cancellationToken),
            await referentials.GetDepartementsAsync(cancellationToken),
            await referentials.GetThemesAsync(cancellationToken),
            await referentials.GetPublicsAsync(cancellationToken),
            await referentials.GetTaillesEntrepriseAsync(cancellationToken),
            await referentials.GetSecteursAsync(cancellationToken)));
}

public sealed record ReferentialsViewModel(
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<DepartementInfo> Departements,
    IReadOnlyList<ThemeInfo> Themes,
    IReadOnlyList<ReferenceItem> Publics,
    IReadOnlyList<ReferenceItem> Tailles,
    IReadOnlyList<ReferenceItem> Secteurs);
