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
/// meetings of their club only (CanActOnClub). Every action loads the club first and answers 403 outside the scope.
/// </summary>
public abstract class ClubsAdminControllerBase(ClubsDbContext db, IAccessScope scope, TimeProvider clock) : Controller
{
    private protected ClubsDbContext Db => db;

    private protected IAccessScope Scope => scope;

    private protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    private protected bool CanManage(Club club) => scope.CanActOnClub(User, club.Id.ToString());

    private protected bool CanSee(Club club) => CanManage(club) || scope.CanActOnDepartement(User, club.DepartementCode);

    private protected async Task<(Club Club, Meeting Meeting)?> FindMeetingAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var meeting = club is null ? null : await db.Meetings.Include(m => m.Registrations).Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == meetingId && m.ClubId == club.Id, cancellationToken);
        return club is null || meeting is null ? null : (club, meeting);
    }
}
