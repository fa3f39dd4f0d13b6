using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Companies;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// « Mon entreprise »: the company's own space, the accounts it lets in and its leaving the programme. The fiche
/// navette is <see cref="CompanyCommitmentsController"/>'s, the profile <see cref="CompanyProfileController"/>'s.
/// </summary>
[Area("Companies")]
[Route("mon-entreprise")]
[Authorize]
public sealed class CompanySpaceController(CompaniesDbContext db, IAccessScope scope, IAccountProvisioning accounts, IEventPublisher events, TimeProvider clock)
    : CompanySpaceControllerBase(db, scope, clock)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        return company is null ? LocalRedirect("/inscription") : View(await Page.BuildAsync(company, new CommitmentForm(), cancellationToken));
    }

    /// <summary>A member lets in an account that asked to join (same SIREN at sign-up); the company scope is granted to it.</summary>
    [HttpPost("demandes/{id:guid}/accepter")]
    public async Task<IActionResult> AcceptJoinRequest(Guid id, CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        var request = company is null ? null : await Db.JoinRequests.SingleOrDefaultAsync(r => r.Id == id && r.CompanyId == company.Id && r.AcceptedAt == null, cancellationToken);
        if (company is null || request is null)
        {
            return NotFound();
        }

        await accounts.AddCompanyScopeAsync(request.UserId, company.Id.ToString(), cancellationToken);
        request.AcceptedAt = Clock.GetUtcNow();
        await Db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{request.Email} a désormais accès à l’espace de l’entreprise.";
        return LocalRedirect("/mon-entreprise");
    }

    /// <summary>A company may leave the programme: it leaves the showcase and the counters at once; its history is kept.</summary>
    [HttpPost("retrait")]
    public async Task<IActionResult> Withdraw(CancellationToken cancellationToken)
    {
        var company = await OwnCompanyAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        if (company.Status is CompanyStatus.Pending or CompanyStatus.Approved)
        {
            company.Status = CompanyStatus.Withdrawn;
            company.StatusReason = "Retrait à la demande de l’entreprise";
            company.DecidedAt = Clock.GetUtcNow();
            company.DecidedBy = UserId();
            await Db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new CompanyWithdrawn(company.Id, company.DepartementCode), cancellationToken);
        }

        TempData["Success"] = "Votre entreprise est retirée du programme et n’apparaît plus dans la vitrine.";
        return LocalRedirect("/mon-entreprise");
    }
}
