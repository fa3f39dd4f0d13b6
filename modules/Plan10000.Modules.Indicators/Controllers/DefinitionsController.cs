using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Modules.Indicators.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>National admins define the indicators: code, label, theme, unit, kind, periodicity and targets.</summary>
[Area("Indicators")]
[Route("admin/indicateurs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageIndicators)]
public sealed class DefinitionsController(IndicatorsDbContext db, IReferentialsQuery referentials, IAuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var definitions = await db.Definitions.AsNoTracking().OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        var rows = definitions.Select(d => (IReadOnlyList<string>)[
            d.Code, d.Label, d.ThemeNumero.ToString(CultureInfo.InvariantCulture), Labels.Of(d.Kind), Labels.Of(d.Periodicity), d.Unit, Formats.Number(d.NationalTarget), d.Active ? "Oui" : "Non"]).ToList();
        return View(new DefinitionsViewModel(new TableModel(
            "Indicateurs de pilotage",
            ["Code", "Libellé", "Thématique", "Nature", "Périodicité", "Unité", "Cible nationale", "Actif"],
            rows,
            [.. definitions.Select(d => $"/admin/indicateurs/{d.Id}/modifier")])));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
        => View("Edit", await FormAsync(null, new DefinitionForm { Periodicity = nameof(Periodicity.Year), Kind = nameof(IndicatorKind.Result) }, cancellationToken));

    [HttpPost("nouveau")]
    public Task<IActionResult> Create(DefinitionForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpGet("{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var d = await db.Definitions.AsNoTracking().Include(x => x.DepartementTargets).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return NotFound();
        }

        var form = new DefinitionForm
        {
            Code = d.Code,
            Label = d.Label,
            Theme = d.ThemeNumero.ToString(CultureInfo.InvariantCulture),
            Unit = d.Unit,
            Kind = d.Kind.ToString(),
            Periodicity = d.Periodicity.ToString(),
            NationalTarget = d.NationalTarget is { } t ? Formats.Input(t) : null,
            DepartementTargets = string.Join("\n", d.DepartementTargets.OrderBy(x => x.DepartementCode).Select(x => x.DepartementCode + "=" + Formats.Input(x.Target))),
            Intention = d.IntentionId?.ToString(),
            Active = d.Active,
        };
        return View(await FormAsync(id, form, cancellationToken));
    }

    [HttpPost("{id:guid}/modifier")]
    public Task<IActionResult> Edit(Guid id, DefinitionForm form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid? id, DefinitionForm form, CancellationToken cancellationToken)
    {
        var definition = id is null ? new IndicatorDefinition { CreatedAtUtc = clock.GetUtcNow().UtcDateTime } : await db.Definitions.Include(d => d.DepartementTargets).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return NotFound();
        }

        var code = (form.Code ?? "").Trim().ToUpperInvariant();
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var theme = int.TryParse(form.Theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && themes.Any(x => x.Numero == t) ? t : (int?)null;
        if (form.Theme is not null && theme is null)
        {
            ModelState.AddModelError(nameof(form.Theme), "Choisissez une thématique de la liste.");
        }

        var kind = Enum.TryParse<IndicatorKind>(form.Kind, out var k) && Enum.IsDefined(k) ? k : (IndicatorKind?)null;
        if (form.Kind is not null && kind is null)
        {
            ModelState.AddModelError(nameof(form.Kind), "Choisissez une nature de la liste.");
        }

        var periodicity = Enum.TryParse<Periodicity>(form.Periodicity, out var p) && Enum.IsDefined(p) ? p : (Periodicity?)null;
        if (form.Periodicity is not null && periodicity is null)
        {
            ModelState.AddModelError(nameof(form.Periodicity), "Choisissez une périodicité de la liste.");
        }

        decimal? target = null;
        if (!string.IsNullOrWhiteSpace(form.NationalTarget) && (target = Formats.ParseNumber(form.NationalTarget)) is null)
        {
            ModelState.AddModelError(nameof(form.NationalTarget), "La cible nationale est un nombre positif ou nul, par exemple 15 000.");
        }

        var departements = (await referentials.GetDepartementsAsync(cancellationToken)).Select(d => d.Code).ToHashSet();
        var targets = new Dictionary<string, decimal>();
        foreach (var line in (form.DepartementTargets ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = parts.Length == 2 ? Formats.ParseNumber(parts[1]) : null;
            var dep = parts[0].ToUpperInvariant();
            if (value is null || !departements.Contains(dep) || !targets.TryAdd(dep, value.Value))
            {
                ModelState.AddModelError(nameof(form.DepartementTargets), $"Ligne « {(line.Length > 40 ? line[..40] : line)} » : écrivez une ligne par département, sous la forme « 33=150 », sans doublon.");
                break;
            }
        }

        Guid? intention = null;
        if (!string.IsNullOrWhiteSpace(form.Intention))
        {
            var intentionId = Guid.TryParse(form.Intention, out var g) ? g : Guid.Empty;
            var linked = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == intentionId, cancellationToken);
            if (linked is null || linked.Kind != IndicatorKind.Intention || kind != IndicatorKind.Result || linked.Periodicity != periodicity)
            {
                ModelState.AddModelError(nameof(form.Intention), "Seul un indicateur de résultat se rattache à une intention, de même périodicité.");
            }
            else
            {
                intention = linked.Id;
            }
        }

        if (code.Length > 0 && await db.Definitions.AnyAsync(d => d.Code == code && d.Id != definition.Id, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Code), "Ce code est déjà utilisé par un autre indicateur.");
        }

        if (!ModelState.IsValid || theme is null || kind is null || periodicity is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await FormAsync(id, form, cancellationToken));
        }

        definition.Code = code;
        definition.Label = form.Label.Trim();
        definition.ThemeNumero = theme.Value;
        definition.Unit = form.Unit.Trim();
        definition.Kind = kind.Value;
        definition.Periodicity = periodicity.Value;
        definition.NationalTarget = target;
        definition.IntentionId = intention;
        definition.Active = form.Active;
        definition.UpdatedAtUtc = id is null ? null : clock.GetUtcNow().UtcDateTime;
        db.DepartementTargets.RemoveRange(definition.DepartementTargets);
        definition.DepartementTargets = [.. targets.Select(x => new DepartementTarget { DefinitionId = definition.Id, DepartementCode = x.Key, Target = x.Value })];
        if (id is null)
        {
            db.Definitions.Add(definition);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(id is null ? "indicateur-cree" : "indicateur-modifie", "Indicateur " + definition.Code, definition.Label, cancellationToken);
        TempData["Success"] = $"L’indicateur « {definition.Code} » est enregistré.";
        return LocalRedirect("/admin/indicateurs");
    }

    private async Task<DefinitionFormViewModel> FormAsync(Guid? id, DefinitionForm form, CancellationToken cancellationToken)
    {
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var intentions = await db.Definitions.AsNoTracking().Where(d => d.Kind == IndicatorKind.Intention).OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Label }).ToListAsync(cancellationToken);
        return new DefinitionFormViewModel(
            id,
            form,
            [.. themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))],
            [.. intentions.Select(i => new KeyValuePair<string, string>(i.Id.ToString(), $"{i.Code} — {i.Label}"))]);
    }
}
