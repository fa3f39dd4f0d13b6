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
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// An approved company raises administrative problems to its département's referents and follows each one as a thread.
/// The company comes from the account's scope claim; a thread of another company answers 403.
/// </summary>
[Area("Companies")]
[Route("mon-entreprise/problemes")]
[Authorize]
public sealed class CompanyProblemsController(CompaniesDbContext db, IAccessScope scope, IBackgroundJobs jobs, TimeProvider clock) : Controller
{
    [HttpGet("nouveau")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        return company is null ? Forbid() : View(new NewProblemViewModel(company.Name, new NewProblemForm()));
    }

    [HttpPost("nouveau")]
    public async Task<IActionResult> New(NewProblemForm form, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(form.Subject))
        {
            ModelState.AddModelError(nameof(form.Subject), "Indiquez l’objet du problème, par exemple « Délai d’agrément d’un contrat d’apprentissage ».");
        }

        if (string.IsNullOrWhiteSpace(form.Text))
        {
            ModelState.AddModelError(nameof(form.Text), "Décrivez le problème : démarche, administration concernée, blocage rencontré.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new NewProblemViewModel(company.Name, form));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problem = new AdministrativeProblem
        {
            CompanyId = company.Id,
            DepartementCode = company.DepartementCode,
            Subject = form.Subject.Trim(),
            Status = ProblemStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var first = new ProblemMessage { ProblemId = problem.Id, AuthorUserId = UserId(), AuthorName = AuthorName(company), Text = form.Text.Trim(), CreatedAt = now };
        problem.Messages.Add(first);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        var firstId = first.Id;
        jobs.Enqueue<ProblemMessageMailJob>(j => j.SendAsync(firstId));
        TempData["Success"] = "Votre problème est transmis aux référents de votre département. Vous suivez les réponses sur cette page.";
        return LocalRedirect($"/mon-entreprise/problemes/{problem.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Problems.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken), OwnerOf);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var (problem, company) = (loaded.Value, await CurrentAsync(cancellationToken));
        return company is null || problem.CompanyId != company.Id ? Forbid() : View("Thread", await Facilitation.ThreadAsync(db, problem, company.Name, new ProblemReplyForm(), false, cancellationToken));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Reply(Guid id, ProblemReplyForm form, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Problems.SingleOrDefaultAsync(p => p.Id == id, cancellationToken), OwnerOf);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var (problem, company) = (loaded.Value, await CurrentAsync(cancellationToken));
        if (company is null || problem.CompanyId != company.Id)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(form.Text))
        {
            ModelState.AddModelError(nameof(form.Text), "Écrivez votre message.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Thread", await Facilitation.ThreadAsync(db, problem, company.Name, form, false, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = new ProblemMessage { ProblemId = problem.Id, AuthorUserId = UserId(), AuthorName = AuthorName(company), Text = form.Text!.Trim(), CreatedAt = now };
        db.ProblemMessages.Add(message);
        problem.UpdatedAt = now;
        // A company writing again on a solved problem reopens it: the referents see it back in their list.
        if (problem.Status == ProblemStatus.Resolved)
        {
            problem.Status = ProblemStatus.Open;
        }

        await db.SaveChangesAsync(cancellationToken);
        var messageId = message.Id;
        jobs.Enqueue<ProblemMessageMailJob>(j => j.SendAsync(messageId));
        TempData["Success"] = "Message envoyé.";
        return LocalRedirect($"/mon-entreprise/problemes/{problem.Id}");
    }

    /// <summary>A problem is its company's; the referents answer it from the back office (<see cref="ProblemsAdminController"/>).</summary>
    private static ScopeOwner OwnerOf(AdministrativeProblem problem) => ScopeOwner.OfCompany(problem.CompanyId, problem.DepartementCode);

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string AuthorName(Company company) => $"{User.Identity?.Name} ({company.Name})";

    /// <summary>Only an approved company has a dedicated contact to write to.</summary>
    private async Task<Company?> CurrentAsync(CancellationToken cancellationToken)
    {
        var id = scope.OwnCompanyId(User);
        return id is null ? null : await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CompanyStatus.Approved, cancellationToken);
    }
}
