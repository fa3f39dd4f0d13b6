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

/// <summary>The list of readable conventions and the life of one: its page, its document, edits, signatories, signature, amendments.</summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class ConventionsAdminController(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit) : ConventionsAdminControllerBase(db, scope, referentials, grants, audit)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = Conventions.Today;
        var list = await Conventions.Readable(User).OrderBy(c => c.DepartementCode).ThenBy(c => c.Kind).ThenBy(c => c.PartyName).Take(1000).ToListAsync(cancellationToken);
        var departements = Scope.Departements(User);
        return View(new ConventionsIndexViewModel(
            departements is null ? "tous les départements" : departements.Count == 0 ? "les conventions de votre club" : string.Join(", ", departements.Order()),
            [.. list.Select(c => (IReadOnlyList<string>)[c.Title, ConventionService.KindLabel(c.Kind), c.PartyName, c.DepartementCode, ConventionService.StatusLabel(c.StatusOn(today)), ConventionService.Date(c.EndsOn)])],
            [.. list.Select(c => "/admin/conventions/" + c.Id)],
            departements is null || departements.Count > 0));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadReadableAsync(id, cancellationToken);
        return loaded.Refused ? loaded.Refusal : View(await PageAsync(loaded.Value, null, null, null, cancellationToken));
    }

    [HttpGet("{id:guid}/document")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadReadableAsync(id, cancellationToken);
        return loaded.Refused ? loaded.Refusal : View(await ViewOfAsync(loaded.Value, cancellationToken));
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

        await Db.SaveChangesAsync(cancellationToken);
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

        Db.Signatories.Add(new Signatory { ConventionId = convention.Id, Side = side.Value, Name = form.Name.Trim(), Quality = form.Quality.Trim(), SignedOn = signedOn.Value });
        await Db.SaveChangesAsync(cancellationToken);
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
        await Audit.RecordAsync("conventions.sign", convention.Id.ToString(), convention.Title, cancellationToken);
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
        Db.Amendments.Add(amendment);
        if (newEnd is not null)
        {
            convention.EndsOn = newEnd;
        }

        await Db.SaveChangesAsync(cancellationToken);
        await Audit.RecordAsync("conventions.amend", convention.Id.ToString(), $"Avenant n° {amendment.Number}", cancellationToken);
        TempData["Success"] = $"L’avenant n° {amendment.Number} est enregistré.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }
}
