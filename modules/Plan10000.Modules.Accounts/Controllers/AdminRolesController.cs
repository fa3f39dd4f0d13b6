using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Accounts.Data;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>The role × permission matrix. National admins hold every permission, so their column is not editable.</summary>
[Area("Accounts")]
[Route("admin/roles")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
public sealed class AdminRolesController(IPermissionCatalog catalog, IPermissionGrants grants, IAuditLog audit, IAccessScope scope, AccountsDbContext db) : Controller
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
        => View(Matrix(await grants.GetGrantsAsync(cancellationToken)));

    /// <summary>
    /// Each checkbox posts « Role|Permission ». An entry that is not one of the matrix's boxes is refused (400, the
    /// matrix re-rendered as posted). Leaving a role that has users without any permission asks first: the page comes
    /// back with the question and a confirm button that posts the same boxes again, so no script is needed.
    /// </summary>
    [HttpPost("")]
    public async Task<IActionResult> Save(string?[]? grant, bool confirmEmptyRoles, CancellationToken cancellationToken)
    {
        var roles = EditableRoles.Select(r => r.Key).ToHashSet();
        var entries = (grant ?? []).Select(g => g?.Split('|')).ToList();
        var selected = entries
            .Where(p => p is { Length: 2 } && roles.Contains(p[0]) && catalog.All.ContainsKey(p[1]))
            .Select(p => (p![0], p[1]))
            .ToHashSet();
        if (selected.Count != entries.Count)
        {
            ModelState.AddModelError(nameof(grant), "Une des cases envoyées ne correspond à aucun rôle ou aucune autorisation du tableau : rechargez la page puis réessayez.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), Matrix(selected));
        }

        var current = await grants.GetGrantsAsync(cancellationToken);
        var populated = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).Distinct().ToListAsync(cancellationToken);
        var emptied = EditableRoles
            .Where(r => populated.Contains(r.Key) && current.Any(g => g.Role == r.Key) && !selected.Any(g => g.Item1 == r.Key))
            .Select(r => r.Value)
            .ToList();
        if (emptied.Count > 0 && !confirmEmptyRoles)
        {
            var model = Matrix(selected);
            return View(nameof(Index), model with { EmptiedRoles = emptied });
        }

        await grants.SetGrantsAsync([.. selected], cancellationToken);
        await audit.RecordAsync(AuditActions.PermissionsChanged, details: $"{selected.Count} autorisation(s)", cancellationToken: cancellationToken);
        TempData["Success"] = "Les autorisations des rôles sont enregistrées.";
        return RedirectToAction(nameof(Index));
    }

    private PermissionMatrixViewModel Matrix(IEnumerable<(string Role, string Permission)> checkedBoxes)
    {
        var boxes = checkedBoxes.ToList();
        var rows = catalog.All.Values.OrderBy(p => p.Module).ThenBy(p => p.Name)
            .Select(p => new PermissionRow(p.Name, p.Description, p.Module, boxes.Where(g => g.Permission == p.Name).Select(g => g.Role).ToHashSet()))
            .ToList();
        return new PermissionMatrixViewModel(rows, EditableRoles);
    }
}
