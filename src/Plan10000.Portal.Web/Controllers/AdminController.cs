using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Web.Hosting;
using Plan10000.Portal.Web.Security;
using Plan10000.Portal.Web.ViewModels;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>The host's back-office pages: dashboard, site settings, module list.</summary>
[Route("admin")]
[Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.AccessAdmin)]
public sealed class AdminController(ISiteSettings settings, IThemeCatalog themes) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] IEnumerable<IDashboardWidgetProvider> providers, [FromServices] IPermissionGrants grants, CancellationToken cancellationToken)
    {
        var widgets = await providers.CollectAsync(publicOnly: false, cancellationToken);
        return View(new AdminHomeViewModel(await widgets.VisibleToAsync(User, grants, cancellationToken)));
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
            RetentionDays = current.RetentionDays,
            AvailableThemes = [.. themes.PublicThemes],
        });
    }

    [HttpPost("parametres")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ManageSettings)]
    public async Task<IActionResult> Settings(SiteSettingsForm form, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
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
            RetentionDays = form.RetentionDays,
        }, cancellationToken);
        await audit.RecordAsync(AuditActions.SettingsChanged, "site", $"thème {form.PublicTheme}, accessibilité {form.AccessibilityStatus}, conservation {form.RetentionDays} j", cancellationToken);
        TempData["Success"] = "Les paramètres du site ont été enregistrés.";
        return RedirectToAction(nameof(Settings));
    }

    [HttpGet("journal")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ViewAudit)]
    public async Task<IActionResult> Audit([FromServices] IAuditLog audit, string? type, string? user, string? du, string? au, int page = 1, CancellationToken cancellationToken = default)
    {
        var (from, to, error) = ParsePeriod(du, au);
        // A wrong period shows no entry rather than every entry under a filter the user did not ask for.
        var result = error is null ? await audit.SearchAsync(new AuditQuery(type, user, from, to, page), cancellationToken) : new AuditPage([], 0, 1, 50);
        var format = $"/admin/journal?type={Uri.EscapeDataString(type ?? "")}&user={Uri.EscapeDataString(user ?? "")}&du={Uri.EscapeDataString(du ?? "")}&au={Uri.EscapeDataString(au ?? "")}&page={{0}}";
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(new AuditViewModel(result, await audit.ActionsAsync(cancellationToken), type, user, du, au, new PaginationModel(result.Page, result.PageCount, format), error));
    }

    [HttpGet("journal.csv")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ViewAudit)]
    public async Task<IActionResult> AuditCsv([FromServices] IAuditLog audit, [FromServices] ITableExporter exporter, string? type, string? user, string? du, string? au, CancellationToken cancellationToken = default)
    {
        var (from, to, error) = ParsePeriod(du, au);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var result = await audit.SearchAsync(new AuditQuery(type, user, from, to, 1, 10_000), cancellationToken);
        var table = new ExportTable("Journal", ["date", "utilisateur", "action", "cible", "details", "adresse_ip"],
            [.. result.Entries.Select(e => (IReadOnlyList<object?>)[ParisTime.Stamp(e.At), e.UserName, e.Action, e.Target, e.Details, e.IpAddress])]);
        return File(exporter.ToCsv(table), "text/csv; charset=utf-8", "journal.csv");
    }

    [HttpGet("courriels")]
    [Authorize(Policy = PermissionPolicy.Prefix + HostPermissions.ViewAudit)]
    public async Task<IActionResult> Mails([FromServices] IMailLog mails, string? recipient, string? template, string? status, string? du, string? au, int page = 1, CancellationToken cancellationToken = default)
    {
        var (from, to, error) = ParsePeriod(du, au);
        var result = error is null ? await mails.SearchAsync(new MailLogQuery(recipient, template, status, from, to, page), cancellationToken) : new MailLogPage([], 0, 1, 50);
        var format = $"/admin/courriels?recipient={Uri.EscapeDataString(recipient ?? "")}&template={Uri.EscapeDataString(template ?? "")}&status={Uri.EscapeDataString(status ?? "")}&du={Uri.EscapeDataString(du ?? "")}&au={Uri.EscapeDataString(au ?? "")}&page={{0}}";
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(new MailLogViewModel(result, recipient, template, status, du, au, new PaginationModel(result.Page, result.PageCount, format), error));
    }

    /// <summary>Dates as typed in a date field (yyyy-MM-dd), French time; « au » includes the whole day.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To, string? Error) ParsePeriod(string? from, string? to)
    {
        static DateTimeOffset? Parse(string? value, out bool valid)
        {
            valid = true;
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            valid = DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date);
            return valid ? ParisTime.StartOfDay(date) : null;
        }

        var start = Parse(from, out var fromValid);
        var end = Parse(to, out var toValid);
        if (!fromValid || !toValid)
        {
            return (null, null, "Saisissez les dates au format JJ/MM/AAAA.");
        }

        return start > end ? (null, null, "La date de début doit précéder la date de fin.") : (start, end?.AddDays(1), null);
    }
}
