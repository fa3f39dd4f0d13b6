using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Referentials.Controllers;

[Area("Referentials")]
[Route("admin/referentiels")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ViewReferentials)]
public sealed class AdminController(IReferentialsQuery referentials, IAccessScope scope) : Controller
{
    /// <summary>A département's sheet: only for users whose scope covers it.</summary>
    [HttpGet("departements/{code}")]
    public async Task<IActionResult> Departement(string code, CancellationToken cancellationToken)
    {
        var departement = await referentials.FindDepartementAsync(code, cancellationToken);
        if (departement is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, departement.Code))
        {
            return Forbid();
        }

        var region = (await referentials.GetRegionsAsync(cancellationToken)).FirstOrDefault(r => r.Code == departement.RegionCode);
        return View(new DepartementViewModel(departement, region));
    }

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

public sealed record DepartementViewModel(DepartementInfo Departement, RegionInfo? Region);

public sealed record ReferentialsViewModel(
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<DepartementInfo> Departements,
    IReadOnlyList<ThemeInfo> Themes,
    IReadOnlyList<ReferenceItem> Publics,
    IReadOnlyList<ReferenceItem> Tailles,
    IReadOnlyList<ReferenceItem> Secteurs);
