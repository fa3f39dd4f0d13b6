using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Offered by the wizard when the SIREN is already registered: the company's members are asked to let this account
/// in (they accept it from their space, <see cref="CompanySpaceController.AcceptJoinRequest"/>).
/// </summary>
[Area("Companies")]
[Route("inscription")]
[Authorize(Roles = PortalRoles.Company)]
public sealed class JoinRequestsController(CompaniesDbContext db, IReferentialsQuery referentials, IBackgroundJobs jobs, TimeProvider clock)
    : SignupControllerBase(db, referentials, clock)
{
    [HttpPost("rejoindre")]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Join(string? siren, CancellationToken cancellationToken)
    {
        var company = await CompanyService.Active(Db.Companies).Include(c => c.Consents).FirstOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        var userId = UserId();
        if (!await Db.JoinRequests.AnyAsync(r => r.CompanyId == company.Id && r.UserId == userId, cancellationToken))
        {
            var request = new JoinRequest { CompanyId = company.Id, UserId = userId, Email = User.Identity?.Name ?? "", CreatedAt = Clock.GetUtcNow() };
            Db.JoinRequests.Add(request);
            await Db.SaveChangesAsync(cancellationToken);
            var id = request.Id;
            jobs.Enqueue<JoinRequestMailJob>(j => j.SendAsync(id));
        }

        // Whoever types a SIREN learns nothing the showcase would not tell: the name only for a listed company.
        var listed = company.Status == CompanyStatus.Approved && company.Publishes(PublicationItems.Name);
        return View("JoinRequested", listed ? company.Name : "cette entreprise");
    }
}
