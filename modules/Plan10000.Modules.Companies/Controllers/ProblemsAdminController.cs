using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The referents' side of the administrative problems: the threads of their départements only (the list is filtered,
/// every thread is checked against the scope on the server and answers 403 outside it).
/// </summary>
[Area("Companies")]
[Route("admin/entreprises/problemes")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.AssistCompanies)]
public sealed class ProblemsAdminController(CompaniesDbContext db, IAccessScope scope, IAuditLog audit, IBackgroundJobs jobs, TimeProvider clock) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? statut, int page = 1, CancellationToken cancellationToken = default)
    {
        var departements = scope.Departements(User);
        var query = db.Problems.AsNoTracking();
        if (departements is not null)
        {
            var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
            query = query.Where(p => codes.Contains(p.DepartementCode));
        }

        var status = Enum.TryParse<ProblemStatus>(statut, out var s) && Enum.IsDefined(s) ? s : (ProblemStatus?)null;
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, PageSize, page);
        var rows = await query.Join(db.Companies, p => p.CompanyId, c => c.Id, (p, c) => new { p.Id, p.Subject, c.Name, p.DepartementCode, p.Status, p.UpdatedAt })
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(cancellationToken);
        return View(new ProblemListViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order()),
            status?.ToString(),
            [.. rows.Select(r => new ProblemSummary(r.Id, r.Subject, r.Name, r.DepartementCode, AdministrativeProblem.StatusLabel(r.Status), ParisTime.Display(r.UpdatedAt)))],
            total,
            paging.Links("/admin/entreprises/problemes?statut=" + Uri.EscapeDataString(status?.ToString() ?? "") + "&page={0}")));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Problems.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken), OwnerOf);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var problem = loaded.Value;
        return View("~/Areas/Companies/Views/CompanyProblems/Thread.cshtml", await Facilitation.ThreadAsync(db, problem, await CompanyNameAsync(problem.CompanyId, cancellationToken), new ProblemReplyForm { Status = problem.Status.ToString() }, true, cancellationToken));
    }

    /// <summary>A referent answers and/or moves the status (ouvert → en cours → résolu).</summary>
    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Reply(Guid id, ProblemReplyForm form, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Problems.SingleOrDefaultAsync(p => p.Id == id, cancellationToken), OwnerOf);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var problem = loaded.Value;
        ProblemStatus? status = null;
        if (!string.IsNullOrEmpty(form.Status))
        {
            if (Enum.TryParse<ProblemStatus>(form.Status, out var parsed) && Enum.IsDefined(parsed))
            {
                status = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(form.Status), "Choisissez un statut dans la liste.");
            }
        }

        if (string.IsNullOrWhiteSpace(form.Text) && (status is null || status == problem.Status))
        {
            ModelState.AddModelError(nameof(form.Text), "Écrivez une réponse ou changez le statut.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Areas/Companies/Views/CompanyProblems/Thread.cshtml", await Facilitation.ThreadAsync(db, problem, await CompanyNameAsync(problem.CompanyId, cancellationToken), form, true, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        ProblemMessage? answer = null;
        if (!string.IsNullOrWhiteSpace(form.Text))
        {
            answer = new ProblemMessage { ProblemId = problem.Id, AuthorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!, AuthorName = User.Identity?.Name ?? "", FromState = true, Text = form.Text.Trim(), CreatedAt = now };
            db.ProblemMessages.Add(answer);
            // An answer takes an open problem in hand.
            if (status is null && problem.Status == ProblemStatus.Open)
            {
                status = ProblemStatus.InProgress;
            }
        }

        if (status is { } newStatus && newStatus != problem.Status)
        {
            await audit.RecordAsync("entreprise-probleme-statut", problem.Id.ToString(), $"{AdministrativeProblem.StatusLabel(problem.Status)} → {AdministrativeProblem.StatusLabel(newStatus)}", cancellationToken);
            problem.Status = newStatus;
        }

        problem.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (answer is not null)
        {
            var answerId = answer.Id;
            jobs.Enqueue<ProblemMessageMailJob>(j => j.SendAsync(answerId));
        }

        TempData["Success"] = $"Réponse enregistrée ; statut : {AdministrativeProblem.StatusLabel(problem.Status).ToLowerInvariant()}.";
        return LocalRedirect($"/admin/entreprises/problemes/{problem.Id}");
    }

    /// <summary>A problem is the referents' of its département (a company account reaches its own through its space).</summary>
    private static ScopeOwner OwnerOf(AdministrativeProblem problem) => ScopeOwner.OfDepartement(problem.DepartementCode);

    private async Task<string> CompanyNameAsync(Guid companyId, CancellationToken cancellationToken)
        => await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).SingleAsync(cancellationToken);
}
