using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Modules.Conventions.Services;
using Plan10000.Modules.Conventions.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Conventions.Controllers;

/// <summary>
/// Back office of the conventions. Reading needs ReadConventions, every change ManageConventions; then the scope:
/// only referents of the convention's département (or a national admin) change it, and a club's animators read its
/// State–club convention. Every action loads the convention first and answers 403 outside the scope.
/// </summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class AdminController(
    ConventionsDbContext db,
    IAccessScope scope,
    IClubsQuery clubs,
    ICompaniesQuery companies,
    IReferentialsQuery referentials,
    IPermissionGrants grants,
    IAuditLog audit) : Controller
{
    private const string Manage = PermissionPolicy.Prefix + Permissions.ManageConventions;

    /// <summary>Internal service, so resolved here rather than through the public constructor.</summary>
    private ConventionService Conventions => HttpContext.RequestServices.GetRequiredService<ConventionService>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = Conventions.Today;
        var list = await Conventions.Readable(User).OrderBy(c => c.DepartementCode).ThenBy(c => c.Kind).ThenBy(c => c.PartyName).Take(1000).ToListAsync(cancellationToken);
        var departements = scope.Departements(User);
        return View(new ConventionsIndexViewModel(
            departements is null ? "tous les départements" : departements.Count == 0 ? "les conventions de votre club" : string.Join(", ", departements.Order()),
            [.. list.Select(c => (IReadOnlyList<string>)[c.Title, ConventionService.KindLabel(c.Kind), c.PartyName, c.DepartementCode, ConventionService.StatusLabel(c.StatusOn(today)), ConventionService.Date(c.EndsOn)])],
            [.. list.Select(c => "/admin/conventions/" + c.Id)],
            departements is null || departements.Count > 0));
    }

    [HttpGet("club/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewClub(CancellationToken cancellationToken)
        => View(await ClubFormAsync(new ClubConventionForm(), cancellationToken));

    [HttpPost("club/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewClub(ClubConventionForm form, CancellationToken cancellationToken)
    {
        var club = Guid.TryParse(form.ClubId, out var clubId) ? await clubs.GetClubAsync(clubId, cancellationToken) : null;
        if (club is not null && !scope.CanActOnDepartement(User, club.DepartementCode))
        {
            return Forbid();
        }

        if (club is null && !string.IsNullOrWhiteSpace(form.ClubId))
        {
            ModelState.AddModelError(nameof(form.ClubId), "Choisissez un club de la liste.");
        }

        var start = ParseDate(form.StartsOn, nameof(form.StartsOn));
        var end = ParseDate(form.EndsOn, nameof(form.EndsOn));
        CheckPeriod(start, end, nameof(form.EndsOn));
        var themes = await ParseThemesAsync(form.Themes, nameof(form.Themes), cancellationToken);
        if (!ModelState.IsValid || club is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ClubFormAsync(form, cancellationToken));
        }

        var convention = new Convention
        {
            Kind = ConventionKind.StateClub,
            Title = form.Title.Trim(),
            DepartementCode = club.DepartementCode,
            ClubId = club.Id,
            PartyName = club.Name,
            Status = ConventionStatus.Draft,
            StartsOn = start,
            EndsOn = end,
            ThemeNumeros = string.Join(';', themes),
            Body = form.Body?.Trim() ?? "",
            CreatedAtUtc = Conventions.NowUtc,
            CreatedBy = UserId,
        };
        db.Conventions.Add(convention);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conventions.create", convention.Id.ToString(), convention.Title, cancellationToken);
        TempData["Success"] = "Le projet de convention est créé : ses chiffres suivent les fiches navettes des membres jusqu’à la signature.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    [HttpGet("paqte/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewPaqte(string? departement, CancellationToken cancellationToken)
        => await CompanyFormViewAsync("paqte", new CompanyConventionForm { IsSme = false, Axes = [.. Enum.GetValues<PaqteAxis>().Select(a => a.ToString())] }, departement, cancellationToken);

    [HttpPost("paqte/nouvelle")]
    [Authorize(Policy = Manage)]
    public Task<IActionResult> NewPaqte(CompanyConventionForm form, CancellationToken cancellationToken)
        => CreateCompanyConventionAsync(ConventionKind.Paqte, form, cancellationToken);

    [HttpGet("chartes/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewCharter(string? departement, CancellationToken cancellationToken)
        => await CompanyFormViewAsync("charte", new CompanyConventionForm(), departement, cancellationToken);

    [HttpPost("chartes/nouvelle")]
    [Authorize(Policy = Manage)]
    public Task<IActionResult> NewCharter(CompanyConventionForm form, CancellationToken cancellationToken)
        => CreateCompanyConventionAsync(ConventionKind.LegacyCharter, form, cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(id, cancellationToken);
        return convention is null ? NotFound() : !Conventions.CanRead(User, convention) ? Forbid() : View(await PageAsync(convention, null, null, null, cancellationToken));
    }

    [HttpGet("{id:guid}/document")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(id, cancellationToken);
        return convention is null ? NotFound() : !Conventions.CanRead(User, convention) ? Forbid() : View(await ViewOfAsync(convention, cancellationToken));
    }

    [HttpPost("{id:guid}/modifier")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Edit(Guid id, EditConventionForm form, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Status != ConventionStatus.Draft)
        {
            ModelState.AddModelError(nameof(form.Title), "Une convention signée ne se modifie plus : ajoutez un avenant.");
        }

        var start = ParseDate(form.StartsOn, nameof(form.StartsOn));
        var end = ParseDate(form.EndsOn, nameof(form.EndsOn));
        CheckPeriod(start, end, nameof(form.EndsOn));
        var themes = convention.Kind == ConventionKind.StateClub ? await ParseThemesAsync(form.Themes, nameof(form.Themes), cancellationToken) : [];
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, form, null, null, cancellationToken));
        }

        if (convention.Kind == ConventionKind.Paqte && start is not null)
        {
            // Triennial: the end and the years of the targets follow the first day.
            end = start.Value.AddYears(3).AddDays(-1);
            var shift = start.Value.Year - (convention.Objectives.Count == 0 ? start.Value.Year : convention.Objectives.Min(o => o.Year));
            foreach (var objective in convention.Objectives)
            {
                objective.Year += shift;
            }
        }

        convention.Title = form.Title.Trim();
        convention.StartsOn = start;
        convention.EndsOn = end;
        convention.Body = form.Body?.Trim() ?? "";
        if (convention.Kind == ConventionKind.StateClub)
        {
            convention.ThemeNumeros = string.Join(';', themes);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Le projet est enregistré.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    [HttpPost("{id:guid}/signataires")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> AddSignatory(Guid id, SignatoryForm form, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Status != ConventionStatus.Draft)
        {
            ModelState.AddModelError(nameof(form.Name), "La convention est déjà signée.");
        }

        SignatorySide? side = form.Side switch { "Partner" => SignatorySide.Partner, "State" => SignatorySide.State, _ => null };
        if (side is null && !string.IsNullOrWhiteSpace(form.Side))
        {
            ModelState.AddModelError(nameof(form.Side), "Choisissez pour qui signe la personne.");
        }

        var signedOn = ParseDate(form.SignedOn, nameof(form.SignedOn));
        if (!ModelState.IsValid || side is null || signedOn is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, null, form, null, cancellationToken));
        }

        db.Signatories.Add(new Signatory { ConventionId = convention.Id, Side = side.Value, Name = form.Name.Trim(), Quality = form.Quality.Trim(), SignedOn = signedOn.Value });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{form.Name.Trim()} est ajouté(e) aux signataires.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    /// <summary>Signs the draft; a State–club convention's figures are frozen here (stored rows, never recomputed).</summary>
    [HttpPost("{id:guid}/signer")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Sign(Guid id, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Status != ConventionStatus.Draft)
        {
            TempData["Success"] = "La convention est déjà signée.";
            return LocalRedirect("/admin/conventions/" + convention.Id);
        }

        var missing = ConventionService.MissingForSignature(convention);
        if (missing.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, null, null, null, cancellationToken));
        }

        await Conventions.SignAsync(convention, UserId, cancellationToken);
        await audit.RecordAsync("conventions.sign", convention.Id.ToString(), convention.Title, cancellationToken);
        TempData["Success"] = "La convention est signée : ses chiffres sont figés.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    [HttpPost("{id:guid}/avenants")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> AddAmendment(Guid id, AmendmentForm form, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Status == ConventionStatus.Draft)
        {
            ModelState.AddModelError(nameof(form.Title), "Un avenant suit la signature : modifiez plutôt le projet.");
        }

        var signedOn = ParseDate(form.SignedOn, nameof(form.SignedOn));
        var newEnd = ParseDate(form.NewEndsOn, nameof(form.NewEndsOn));
        if (newEnd is not null && convention.StartsOn is { } start && newEnd < start)
        {
            ModelState.AddModelError(nameof(form.NewEndsOn), "La nouvelle fin doit suivre le début de validité.");
        }

        if (!ModelState.IsValid || signedOn is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, null, null, form, cancellationToken));
        }

        var amendment = new Amendment
        {
            ConventionId = convention.Id,
            Number = convention.Amendments.Count == 0 ? 1 : convention.Amendments.Max(a => a.Number) + 1,
            Title = form.Title.Trim(),
            Text = form.Text.Trim(),
            SignedOn = signedOn.Value,
            PreviousEndsOn = newEnd is null ? null : convention.EndsOn,
            NewEndsOn = newEnd,
            CreatedAtUtc = Conventions.NowUtc,
            CreatedBy = UserId,
        };
        db.Amendments.Add(amendment);
        if (newEnd is not null)
        {
            convention.EndsOn = newEnd;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conventions.amend", convention.Id.ToString(), $"Avenant n° {amendment.Number}", cancellationToken);
        TempData["Success"] = $"L’avenant n° {amendment.Number} est enregistré.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    /// <summary>PAQTE: yearly targets while the draft is open, then the yearly results; fields « cible-{id} » and « resultat-{id} ».</summary>
    [HttpPost("{id:guid}/objectifs")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Objectives(Guid id, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Kind != ConventionKind.Paqte)
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        foreach (var objective in convention.Objectives)
        {
            if (convention.Status == ConventionStatus.Draft && form.TryGetValue("cible-" + objective.Id, out var target))
            {
                if (ParseCount(target, "cible-" + objective.Id) is { } t)
                {
                    objective.Target = t;
                }
            }

            if (convention.Status != ConventionStatus.Draft && form.TryGetValue("resultat-" + objective.Id, out var result))
            {
                objective.Result = string.IsNullOrWhiteSpace(result) ? null : ParseCount(result, "resultat-" + objective.Id);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = await PageAsync(convention, null, null, null, cancellationToken);
            return View("Show", page);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = convention.Status == ConventionStatus.Draft ? "Les objectifs sont enregistrés." : "Les résultats sont enregistrés.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    /// <summary>Charter: records the PAQTE that followed it (a PAQTE of the same company).</summary>
    [HttpPost("{id:guid}/transition")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Transition(Guid id, [FromForm] string? paqteId, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(id, cancellationToken, tracking: true);
        if (convention is null || convention.Kind != ConventionKind.LegacyCharter)
        {
            return NotFound();
        }

        if (!Conventions.CanManage(User, convention))
        {
            return Forbid();
        }

        var paqte = Guid.TryParse(paqteId, out var pid)
            ? await db.Conventions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == pid && c.Kind == ConventionKind.Paqte && c.CompanyId == convention.CompanyId, cancellationToken)
            : null;
        if (paqte is null)
        {
            ModelState.AddModelError("paqteId", "Choisissez un PAQTE de la même entreprise.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, null, null, null, cancellationToken));
        }

        convention.TransitionConventionId = paqte.Id;
        convention.TransitionedOn = paqte.SignedAtUtc?.Date ?? Conventions.Today;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conventions.transition", convention.Id.ToString(), paqte.Title, cancellationToken);
        TempData["Success"] = "Le passage de la charte au PAQTE est enregistré.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    [HttpGet("echeances")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Expiring(CancellationToken cancellationToken)
    {
        var departements = scope.Departements(User);
        var within90 = await Conventions.EndingWithinAsync(90, departements, cancellationToken);
        var today = Conventions.Today;
        IReadOnlyList<string> Row(Convention c) => [c.Title, ConventionService.KindLabel(c.Kind), c.PartyName, c.DepartementCode, ConventionService.Date(c.EndsOn), ((c.EndsOn!.Value - today).Days).ToString(CultureInfo.InvariantCulture)];
        var within30 = within90.Where(c => c.EndsOn <= today.AddDays(30)).ToList();
        var later = within90.Where(c => c.EndsOn > today.AddDays(30)).ToList();
        return View(new ExpiringViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order()),
            [.. within30.Select(Row)],
            [.. within30.Select(c => "/admin/conventions/" + c.Id)],
            [.. later.Select(Row)],
            [.. later.Select(c => "/admin/conventions/" + c.Id)]));
    }

    [HttpGet("chartes")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Charters(CancellationToken cancellationToken)
    {
        var charters = await Conventions.Readable(User).Where(c => c.Kind == ConventionKind.LegacyCharter).OrderBy(c => c.DepartementCode).ThenBy(c => c.PartyName).Take(2000).ToListAsync(cancellationToken);
        var today = Conventions.Today;
        var rows = charters.Select(c => (IReadOnlyList<string>)[c.PartyName, c.DepartementCode, ConventionService.Date(c.EndsOn), TransitionLabel(c, today)]).ToList();
        return View(new ChartersViewModel(
            rows,
            [.. charters.Select(c => "/admin/conventions/" + c.Id)],
            charters.Count(c => c.TransitionConventionId is not null),
            charters.Count(c => IsLate(c, today)),
            charters.Count));
    }

    [HttpGet("bilans")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Reports(CancellationToken cancellationToken)
    {
        var departements = await ScopedDepartementsAsync(cancellationToken);
        var today = Conventions.Today;
        var half = today.Month <= 6 ? 1 : 2;
        var rows = departements.Select(d => (IReadOnlyList<string>)[$"{d.Value}", $"{(half == 1 ? "1er" : "2d")} semestre {today.Year}"]).ToList();
        return View(new ReportsIndexViewModel(departements, rows, [.. departements.Select(d => $"/admin/conventions/bilans/{d.Key}/{today.Year}/{half}")]));
    }

    [HttpGet("bilans/{code}/{year:int}/{half:int}")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Report(string code, int year, int half, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        if (half is not (1 or 2) || year is < 2018 or > 2100 || await referentials.FindDepartementAsync(upper, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, upper))
        {
            return Forbid();
        }

        var stored = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.DepartementCode == upper && r.Year == year && r.Half == half, cancellationToken);
        var form = stored is null ? new ReportForm() : new ReportForm
        {
            ReferentContact = stored.ReferentContact,
            FollowUpOrganisation = stored.FollowUpOrganisation,
            PartnerAssociations = stored.PartnerAssociations,
            Examples = stored.Examples,
            StrategyAndObstacles = stored.StrategyAndObstacles,
            QpvCount = Str(stored.QpvCount),
            PruCount = Str(stored.PruCount),
            QpvPopulation = Str(stored.QpvPopulation),
            DefmInQpv = Str(stored.DefmInQpv),
        };
        return View(await ReportModelAsync(upper, year, half, form, cancellationToken));
    }

    [HttpPost("bilans/{code}/{year:int}/{half:int}")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Report(string code, int year, int half, ReportForm form, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        if (half is not (1 or 2) || year is < 2018 or > 2100 || await referentials.FindDepartementAsync(upper, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, upper))
        {
            return Forbid();
        }

        var qpv = ParseOptionalCount(form.QpvCount, nameof(form.QpvCount));
        var pru = ParseOptionalCount(form.PruCount, nameof(form.PruCount));
        var population = ParseOptionalCount(form.QpvPopulation, nameof(form.QpvPopulation));
        var defm = ParseOptionalCount(form.DefmInQpv, nameof(form.DefmInQpv));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ReportModelAsync(upper, year, half, form, cancellationToken));
        }

        var report = await db.Reports.SingleOrDefaultAsync(r => r.DepartementCode == upper && r.Year == year && r.Half == half, cancellationToken);
        if (report is null)
        {
            report = new DepartementReport { DepartementCode = upper, Year = year, Half = half };
            db.Reports.Add(report);
        }

        report.ReferentContact = form.ReferentContact?.Trim() ?? "";
        report.FollowUpOrganisation = form.FollowUpOrganisation?.Trim() ?? "";
        report.PartnerAssociations = form.PartnerAssociations?.Trim() ?? "";
        report.Examples = form.Examples?.Trim() ?? "";
        report.StrategyAndObstacles = form.StrategyAndObstacles?.Trim() ?? "";
        report.QpvCount = qpv;
        report.PruCount = pru;
        report.QpvPopulation = population;
        report.DefmInQpv = defm;
        report.UpdatedAtUtc = Conventions.NowUtc;
        report.UpdatedBy = UserId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conventions.report", $"{upper}/{year}/S{half}", null, cancellationToken);
        TempData["Success"] = "Le bilan est enregistré.";
        return LocalRedirect($"/admin/conventions/bilans/{upper}/{year}/{half}");
    }

    [HttpGet("bilans/{code}/{year:int}/{half:int}/export.csv")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> ReportCsv(string code, int year, int half, [FromServices] Portal.Abstractions.Exports.ITableExporter exporter, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        if (half is not (1 or 2) || year is < 2018 or > 2100 || await referentials.FindDepartementAsync(upper, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, upper))
        {
            return Forbid();
        }

        var report = await ReportService.BuildAsync(db, companies, referentials, upper, year, half, cancellationToken);
        return File(exporter.ToCsv(ReportService.ToTable(report)), "text/csv; charset=utf-8", $"bilan-paqte-{upper}-{year}-S{half}.csv");
    }

    private static string? Str(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static bool IsLate(Convention charter, DateTime today)
        => charter.TransitionConventionId is null ? today > ConventionService.CharterDeadline : charter.TransitionedOn > ConventionService.CharterDeadline;

    private static string TransitionLabel(Convention charter, DateTime today) => charter.TransitionConventionId is not null
        ? (charter.TransitionedOn > ConventionService.CharterDeadline ? $"Passée au PAQTE le {ConventionService.Date(charter.TransitionedOn)}, en retard" : $"Passée au PAQTE le {ConventionService.Date(charter.TransitionedOn)}")
        : today > ConventionService.CharterDeadline ? "Non passée au PAQTE : en retard (échéance janvier 2020)" : "À faire passer au PAQTE avant fin janvier 2020";

    private async Task<ReportViewModel> ReportModelAsync(string code, int year, int half, ReportForm form, CancellationToken cancellationToken)
    {
        var report = await ReportService.BuildAsync(db, companies, referentials, code, year, half, cancellationToken);
        return new ReportViewModel(
            code,
            report.DepartementName,
            year,
            half,
            report.Period,
            form,
            [.. report.Companies.Select(c => (IReadOnlyList<string>)[c.Name, ConventionService.Date(c.SignedOn), c.Axes])],
            [.. report.Results.Select(r => (IReadOnlyList<string>)[r.Axis, r.Indicator, r.Target.ToString(CultureInfo.InvariantCulture), r.Result.ToString(CultureInfo.InvariantCulture)])],
            $"/admin/conventions/bilans/{code}/{year}/{half}");
    }

    private async Task<List<KeyValuePair<string, string>>> ScopedDepartementsAsync(CancellationToken cancellationToken)
    {
        var all = await referentials.GetDepartementsAsync(cancellationToken);
        var inScope = scope.Departements(User);
        return [.. all.Where(d => inScope is null || inScope.Contains(d.Code)).Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Nom} ({d.Code})"))];
    }

    private async Task<IActionResult> CompanyFormViewAsync(string kind, CompanyConventionForm form, string? departement, CancellationToken cancellationToken)
    {
        var model = await CompanyFormAsync(kind, form, departement, cancellationToken);
        return model is null ? Forbid() : View("NewCompany", model);
    }

    private async Task<CompanyConventionFormViewModel?> CompanyFormAsync(string kind, CompanyConventionForm form, string? departement, CancellationToken cancellationToken)
    {
        var departements = await ScopedDepartementsAsync(cancellationToken);
        var code = (departement ?? departements.FirstOrDefault().Key ?? "").ToUpperInvariant();
        if (code.Length > 0 && !scope.CanActOnDepartement(User, code))
        {
            return null;
        }

        var options = code.Length == 0 ? [] : (await companies.GetApprovedCompaniesAsync(code, 2000, cancellationToken)).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), c.Name)).ToList();
        return new CompanyConventionFormViewModel(kind, form, code, departements, options, [.. ConventionService.AxisLabels.Select(a => new KeyValuePair<string, string>(a.Key.ToString(), a.Value))]);
    }

    private async Task<IActionResult> CreateCompanyConventionAsync(ConventionKind kind, CompanyConventionForm form, CancellationToken cancellationToken)
    {
        var slug = kind == ConventionKind.Paqte ? "paqte" : "charte";
        var company = Guid.TryParse(form.CompanyId, out var companyId) ? await companies.GetCompanyAsync(companyId, cancellationToken) : null;
        if (company is not null && !scope.CanActOnDepartement(User, company.DepartementCode))
        {
            return Forbid();
        }

        if (company is null && !string.IsNullOrWhiteSpace(form.CompanyId))
        {
            ModelState.AddModelError(nameof(form.CompanyId), "Choisissez une entreprise de la liste.");
        }

        var start = ParseDate(form.StartsOn, nameof(form.StartsOn));
        var end = ParseDate(form.EndsOn, nameof(form.EndsOn));
        if (kind == ConventionKind.Paqte)
        {
            // Triennial: three years from the first day.
            end = start?.AddYears(3).AddDays(-1);
        }
        else if (start is null && !ModelState.ContainsKey(nameof(form.StartsOn)))
        {
            ModelState.AddModelError(nameof(form.StartsOn), "Indiquez la date de signature de la charte.");
        }
        else if (end is null && !ModelState.ContainsKey(nameof(form.EndsOn)))
        {
            ModelState.AddModelError(nameof(form.EndsOn), "Indiquez la date de fin de la charte.");
        }

        CheckPeriod(start, end, nameof(form.EndsOn));
        var axes = new List<PaqteAxis>();
        foreach (var value in form.Axes)
        {
            if (Enum.TryParse<PaqteAxis>(value, out var axis) && Enum.IsDefined(axis))
            {
                axes.Add(axis);
            }
            else
            {
                ModelState.AddModelError(nameof(form.Axes), "Choisissez les axes dans la liste.");
            }
        }

        if (kind == ConventionKind.Paqte && axes.Count < 4 && !form.IsSme)
        {
            ModelState.AddModelError(nameof(form.Axes), "Seule une PME peut ne garder que certains axes : gardez les quatre axes.");
        }

        if (kind == ConventionKind.Paqte && axes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Axes), "Gardez au moins un axe.");
        }

        if (!ModelState.IsValid || company is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("NewCompany", await CompanyFormAsync(slug, form, company?.DepartementCode, cancellationToken));
        }

        var convention = new Convention
        {
            Kind = kind,
            Title = (kind == ConventionKind.Paqte ? "PAQTE — " : "Charte entreprises et quartiers — ") + company.Name,
            DepartementCode = company.DepartementCode,
            CompanyId = company.Id,
            PartyName = company.Name,
            Status = kind == ConventionKind.Paqte ? ConventionStatus.Draft : ConventionStatus.Signed,
            StartsOn = start,
            EndsOn = end,
            IsSme = form.IsSme,
            SignedAtUtc = kind == ConventionKind.LegacyCharter ? start : null,
            SignedBy = kind == ConventionKind.LegacyCharter ? UserId : null,
            CreatedAtUtc = Conventions.NowUtc,
            CreatedBy = UserId,
        };
        if (kind == ConventionKind.Paqte)
        {
            var firstYear = (start ?? Conventions.Today).Year;
            foreach (var axis in axes.Distinct().Order())
            {
                foreach (var indicator in ConventionService.AxisIndicators[axis])
                {
                    for (var year = firstYear; year < firstYear + 3; year++)
                    {
                        convention.Objectives.Add(new PaqteObjective { ConventionId = convention.Id, Axis = axis, Indicator = indicator, Year = year });
                    }
                }
            }
        }

        db.Conventions.Add(convention);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conventions.create", convention.Id.ToString(), convention.Title, cancellationToken);
        TempData["Success"] = kind == ConventionKind.Paqte ? "Le projet de PAQTE est créé : fixez les objectifs annuels." : "La charte est enregistrée.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    /// <summary>The convention an action changes (tracked), or the refusal: 404 when it is not there, 403 when the user may not manage it.</summary>
    private async Task<(Convention? Convention, IActionResult? Refusal)> LoadManagedAsync(Guid id, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(id, cancellationToken, tracking: true);
        return convention is null ? (null, NotFound())
            : !Conventions.CanManage(User, convention) ? (null, Forbid())
            : (convention, null);
    }

    private async Task<Convention?> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = db.Conventions.Include(c => c.Signatories).Include(c => c.Figures).Include(c => c.Amendments).Include(c => c.Objectives).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<ClubConventionFormViewModel> ClubFormAsync(ClubConventionForm form, CancellationToken cancellationToken)
    {
        var inScope = scope.Departements(User);
        var all = await clubs.GetClubsAsync(null, cancellationToken);
        var options = all.Where(c => inScope is null || inScope.Contains(c.DepartementCode)).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), $"{c.Name} ({c.DepartementCode})")).ToList();
        return new ClubConventionFormViewModel(form, options, await ThemeOptionsAsync(cancellationToken));
    }

    private async Task<List<KeyValuePair<string, string>>> ThemeOptionsAsync(CancellationToken cancellationToken)
        => [.. (await referentials.GetThemesAsync(cancellationToken)).Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))];

    private async Task<ConventionPageViewModel> PageAsync(Convention convention, EditConventionForm? edit, SignatoryForm? signatory, AmendmentForm? amendment, CancellationToken cancellationToken)
    {
        var view = await ViewOfAsync(convention, cancellationToken);
        var transitionOptions = new List<KeyValuePair<string, string>>();
        if (convention.Kind == ConventionKind.LegacyCharter && convention.CompanyId is { } companyId)
        {
            transitionOptions = await db.Conventions.AsNoTracking().Where(c => c.Kind == ConventionKind.Paqte && c.CompanyId == companyId)
                .OrderBy(c => c.CreatedAtUtc).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);
        }

        return new ConventionPageViewModel(
            view,
            edit ?? new EditConventionForm
            {
                Title = convention.Title,
                StartsOn = convention.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndsOn = convention.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Themes = [.. convention.Themes.Select(t => t.ToString(CultureInfo.InvariantCulture))],
                Body = convention.Body,
            },
            await ThemeOptionsAsync(cancellationToken),
            signatory ?? new SignatoryForm(),
            amendment ?? new AmendmentForm(),
            transitionOptions,
            convention.TransitionConventionId?.ToString());
    }

    private async Task<ConventionView> ViewOfAsync(Convention convention, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var departement = await referentials.FindDepartementAsync(convention.DepartementCode, cancellationToken);
        var figures = await Conventions.FiguresAsync(convention, cancellationToken);
        var status = convention.StatusOn(Conventions.Today);
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Nature", ConventionService.KindLabel(convention.Kind)),
            new(convention.Kind == ConventionKind.StateClub ? "Club" : "Entreprise", convention.PartyName),
            new("Département", $"{departement?.Nom ?? convention.DepartementCode} ({convention.DepartementCode})"),
            new("État", ConventionService.StatusLabel(status)),
            new("Validité", $"du {ConventionService.Date(convention.StartsOn)} au {ConventionService.Date(convention.EndsOn)}"),
        };
        if (convention.SignedAtUtc is { } signed)
        {
            rows.Add(new("Signée le", ConventionService.ParisDate(signed)));
        }

        if (convention.Kind == ConventionKind.Paqte)
        {
            rows.Add(new("PME", convention.IsSme ? "Oui : peut ne garder que certains axes" : "Non"));
        }

        if (convention.Kind == ConventionKind.LegacyCharter)
        {
            rows.Add(new("Passage au PAQTE", TransitionLabel(convention, Conventions.Today)));
        }

        string Num(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));
        return new ConventionView(
            convention.Id,
            ConventionService.KindLabel(convention.Kind),
            convention.Title,
            convention.PartyName,
            ConventionService.StatusLabel(status),
            convention.Status == ConventionStatus.Draft,
            convention.Kind == ConventionKind.StateClub,
            convention.Kind == ConventionKind.Paqte,
            convention.Kind == ConventionKind.LegacyCharter,
            Conventions.CanManage(User, convention) && await grants.HasPermissionAsync(User, Permissions.ManageConventions, cancellationToken),
            rows,
            convention.Body,
            [.. convention.Themes.Select(t => $"{t}. {themes.GetValueOrDefault(t, "")}")],
            [.. figures.Select(f => (IReadOnlyList<string>)[
                $"{f.ThemeNumero}. {themes.GetValueOrDefault(f.ThemeNumero, "")}",
                f.Unit is null ? "Engagements" : "Intentions chiffrées : " + f.Unit,
                Num(f.Commitments),
                f.Unit is null ? Num(f.Companies) : "—",
                f.Unit is null ? "—" : Num(f.Quantity)])],
            [.. convention.Signatories.OrderBy(s => s.Side).ThenBy(s => s.SignedOn).Select(s => (IReadOnlyList<string>)[s.Side == SignatorySide.State ? "Pour l’État" : convention.Kind == ConventionKind.StateClub ? "Pour le club" : "Pour l’entreprise", s.Name, s.Quality, ConventionService.Date(s.SignedOn)])],
            [.. convention.Amendments.OrderBy(a => a.Number).Select(a => (IReadOnlyList<string>)[$"n° {a.Number}", a.Title, ConventionService.Date(a.SignedOn), a.NewEndsOn is null ? "—" : $"fin portée du {ConventionService.Date(a.PreviousEndsOn)} au {ConventionService.Date(a.NewEndsOn)}", a.Text])],
            [.. convention.Objectives.OrderBy(o => o.Axis).ThenBy(o => o.Indicator).ThenBy(o => o.Year).Select(o => new ObjectiveLine(o.Id, ConventionService.AxisLabels[o.Axis], o.Indicator, o.Year, o.Target, o.Result))],
            convention.Status == ConventionStatus.Draft ? ConventionService.MissingForSignature(convention) : []);
    }

    private DateTime? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        }

        ModelState.AddModelError(field, "Saisissez la date au format AAAA-MM-JJ, par exemple 2027-03-15.");
        return null;
    }

    private void CheckPeriod(DateTime? start, DateTime? end, string field)
    {
        if (start is not null && end is not null && end <= start)
        {
            ModelState.AddModelError(field, "La fin de validité doit suivre son début.");
        }
    }

    private int? ParseCount(string? value, string field)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000)
        {
            return n;
        }

        ModelState.AddModelError(field, "Saisissez un nombre entier positif, par exemple 12.");
        return null;
    }

    private int? ParseOptionalCount(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : ParseCount(value, field);

    private async Task<List<int>> ParseThemesAsync(IReadOnlyList<string> values, string field, CancellationToken cancellationToken)
    {
        var known = (await referentials.GetThemesAsync(cancellationToken)).Select(t => t.Numero).ToHashSet();
        var themes = new List<int>();
        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && known.Contains(n))
            {
                themes.Add(n);
            }
            else
            {
                ModelState.AddModelError(field, "Choisissez les thématiques dans la liste.");
            }
        }

        return [.. themes.Distinct().Order()];
    }
}
