using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Web.Security;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>The host's back-office pages: dashboard, site settings, module list.</summary>
[Route("admin")]
[Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.AccessAdmin)]
public sealed class AdminController(ISiteSettings settings, IThemeCatalog themes) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] IEnumerable<IDashboardWidgetProvider> providers, CancellationToken cancellationToken)
    {
        var widgets = new List<DashboardWidget>();
        foreach (var provider in providers)
        {
            widgets.AddRange(await provider.GetWidgetsAsync(cancellationToken));
        }

        return View(new AdminHomeViewModel([.. widgets.OrderBy(w => w.Order)]));
    }

    [HttpGet("modules")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ViewModules)]
    public IActionResult Modules([FromServices] IModuleCatalog catalog) => View(new ModuleListViewModel(catalog.Modules));

    [HttpGet("parametres")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ManageSettings)]
    public IActionResult Settings()
    {
        var current = settings.Current;
        return View(new SiteSettingsForm
        {
            PublicTheme = current.PublicTheme,
            AccessibilityStatus = current.AccessibilityStatus,
            ContactEmail = current.ContactEmail,
            AvailableThemes = [.. themes.PublicThemes],
        });
    }

    [HttpPost("parametres")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ManageSettings)]
    public async Task<IActionResult> Settings(SiteSettingsForm form, CancellationToken cancellationToken)
    {
        form.AvailableThemes = [.. themes.PublicThemes];
        if (themes.Find(form.PublicTheme) is not { Kind: ThemeKind.Public })
        {
            ModelState.AddModelError(nameof(form.PublicTheme), "Ce thème n'existe pas ou n'est pas un thème public.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await settings.SaveAsync(settings.Current with
        {
            PublicTheme = themes.Find(form.PublicTheme)!.Id,
            AccessibilityStatus = form.AccessibilityStatus,
            ContactEmail = form.ContactEmail ?? "",
        }, cancellationToken);
        TempData["Success"] = "Les paramètres du site ont été enregistrés.";
        return RedirectToAction(nameof(Settings));
    }
}
