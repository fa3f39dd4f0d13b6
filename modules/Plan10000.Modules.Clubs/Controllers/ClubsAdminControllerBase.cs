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

/// <summary>
/// Common ground of the club back-office controllers. The permission says « may manage clubs »; the scope says which:
/// referents create and validate clubs of their départements (CanActOnDepartement), animators manage the members and
/// meetings of the clubs they animate (IAccessScope.Reaches, ScopeReach.Animate). Every action loads the club through
/// ScopedLoading: 404 when absent, 403 outside the scope.
/// </summary>
public abstract class ClubsAdminControllerBase(ClubsDbContext db, IAccessScope scope, TimeProvider clock) : Controller
{
    private protected ClubsDbContext Db => db;

    private protected IAccessScope Scope => scope;

    private protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    private protected static ScopeOwner OwnerOf(Club club) => ScopeOwner.OfClub(club.Id, club.DepartementCode);

    /// <summary>Members, meetings and minutes are the animators' work: the club must be one they animate.</summary>
    private protected bool CanManage(Club club) => scope.Reaches(User, OwnerOf(club), ScopeReach.Animate);

    private protected Task<InScope<Club>> ClubToAnimateAsync(Guid id, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken), OwnerOf, ScopeReach.Animate);

    private protected Task<InScope<ClubMeeting>> MeetingToAnimateAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(FindMeetingAsync(id, meetingId, cancellationToken), m => OwnerOf(m.Club), ScopeReach.Animate);

    private async Task<ClubMeeting?> FindMeetingAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var meeting = club is null ? null : await db.Meetings.Include(m => m.Registrations).Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == meetingId && m.ClubId == club.Id, cancellationToken);
        return club is null || meeting is null ? null : new ClubMeeting(club, meeting);
    }
}

/// <summary>A meeting with its club, loaded together.</summary>
internal sealed record ClubMeeting(Club Club, Meeting Meeting);
