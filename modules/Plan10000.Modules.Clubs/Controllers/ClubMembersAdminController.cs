using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Modules.Clubs.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Clubs.Controllers;

/// <summary>Membership requests of a club: the animator accepts, declines or removes a member company.</summary>
[Area("Clubs")]
[Route("admin/clubs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageClubs)]
public sealed class ClubMembersAdminController(ClubsDbContext db, IAccessScope scope, TimeProvider clock) : ClubsAdminControllerBase(db, scope, clock)
{
    [HttpPost("{id:guid}/membres/{membershipId:guid}/accepter")]
    public Task<IActionResult> Accept(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Pending, MembershipStatus.Accepted, "La demande est acceptée.", cancellationToken);

    [HttpPost("{id:guid}/membres/{membershipId:guid}/refuser")]
    public Task<IActionResult> Decline(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Pending, MembershipStatus.Declined, "La demande est déclinée.", cancellationToken);

    [HttpPost("{id:guid}/membres/{membershipId:guid}/retirer")]
    public Task<IActionResult> Remove(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Accepted, MembershipStatus.Left, "L’entreprise ne fait plus partie du club.", cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, Guid membershipId, MembershipStatus from, MembershipStatus to, string message, CancellationToken cancellationToken)
    {
        var loaded = await ClubToAnimateAsync(id, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;
        var membership = await Db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.ClubId == club.Id, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }

        if (membership.Status == from)
        {
            membership.Status = to;
            membership.DecidedAtUtc = Now;
            await Db.SaveChangesAsync(cancellationToken);
            await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        }

        TempData["Success"] = message;
        return LocalRedirect("/admin/clubs/" + club.Id);
    }
}
