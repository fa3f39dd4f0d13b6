using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Clubs;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Clubs.Services;

/// <summary>Reads and rules shared by the public and the back-office controllers.</summary>
internal sealed class ClubService(ClubsDbContext db, ICompaniesQuery companies, IAccessScope scope, IAccountProvisioning accounts, IEventPublisher events, TimeProvider clock)
{
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>The company the signed-in account acts for (its company scope claim, checked again through IAccessScope).</summary>
    public async Task<CompanyInfo?> ViewerCompanyAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        return scope.OwnCompanyId(user) is { } id ? await companies.GetCompanyAsync(id, cancellationToken) : null;
    }

    public Task<ClubMembership?> MembershipAsync(Guid clubId, Guid companyId, CancellationToken cancellationToken)
        => db.Memberships.SingleOrDefaultAsync(m => m.ClubId == clubId && m.CompanyId == companyId, cancellationToken);

    public Task<List<Guid>> MemberIdsAsync(Guid clubId, CancellationToken cancellationToken)
        => db.Memberships.Where(m => m.ClubId == clubId && m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync(cancellationToken);

    /// <summary>Joins (or asks again after leaving or being declined): only an approved company of the club's département.</summary>
    public async Task<bool> RequestJoinAsync(Club club, CompanyInfo company, CancellationToken cancellationToken)
    {
        if (!company.Approved || club.Status != ClubStatus.Active || !string.Equals(company.DepartementCode, club.DepartementCode, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var membership = await MembershipAsync(club.Id, company.Id, cancellationToken);
        if (membership is null)
        {
            db.Memberships.Add(new ClubMembership { ClubId = club.Id, CompanyId = company.Id, Status = MembershipStatus.Pending, RequestedAtUtc = NowUtc });
        }
        else if (membership.Status is MembershipStatus.Left or MembershipStatus.Declined)
        {
            membership.Status = MembershipStatus.Pending;
            membership.RequestedAtUtc = NowUtc;
            membership.DecidedAtUtc = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Makes an existing account an animator of the club: listed on the club, and the « AnimateurClub » role with the
    /// club scope on the account. The one way, for a referent's designation and for the demo animators alike.
    /// </summary>
    public async Task DesignateAnimatorAsync(Guid clubId, string userId, string email, CancellationToken cancellationToken)
    {
        if (!await db.Animators.AnyAsync(a => a.ClubId == clubId && a.UserId == userId, cancellationToken))
        {
            db.Animators.Add(new ClubAnimator { ClubId = clubId, UserId = userId, Email = email.Trim() });
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new ClubChanged(clubId), cancellationToken);
        }

        await accounts.AddClubScopeAsync(userId, clubId.ToString(), cancellationToken);
    }
}
