using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>The role × permission matrix. National admins hold every permission, so their column is not editable.</summary>
[Area("Accounts")]
[Route("admin/roles")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
public sealed class AdminRolesController(IPermissionCatalog catalog, IPermissionGrants grants, IAuditLog audit, IAccessScope scope) : Controller
{
    /// <summary>Changing who may do what is for the national team only, even if ManageUsers was granted to another role.</summary>
    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        if (!scope.IsNational(User))
        {
            context.Result = Forbid();
        }
    }

    private static readonly IReadOnlyList<KeyValuePair<string, string>> EditableRoles =
        [.. PortalRoles.Labels.Where(r => r.Key != PortalRoles.NationalAdmin)];

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = await grants.GetGrantsAsync(cancellationToken);
        var rows = catalog.All.Values.OrderBy(p => p.Module).ThenBy(p => p.Name)
            .Select(p => new PermissionRow(p.Name, p.Description, p.Module, current.Where(g => g.Permission == p.Name).Select(g => g.Role).ToHashSet()))
            .ToList();
        return View(new PermissionMatrixViewModel(rows, EditableRoles));
    }

    /// <summary>Each checkbox posts « Role|Permission »; anything not in the catalogue is ignored.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Save(string[] grant, CancellationToken cancellationToken)
    {
        var roles = EditableRoles.Select(r => r.Key).ToHashSet();
        var selected = (grant ?? [])
            .Select(g => g.Split('|'))
            .Where(p => p.Length == 2 && roles.Contains(p[0]) && catalog.All.ContainsKey(p[1]))
            .Select(p => (p[0], p[1]))
            .ToList();
        await grants.SetGrantsAsync(selected, cancellationToken);
        await audit.RecordAsync(AuditActions.PermissionsChanged, details: $"{selected.Count} autorisation(s)", cancellationToken: cancellationToken);
        TempData["Success"] = "Les autorisations des rôles sont enregistrées.";
        return RedirectToAction(nameof(Index));
    }
}
