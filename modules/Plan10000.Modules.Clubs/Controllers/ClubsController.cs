using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Modules.Clubs.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Clubs.Controllers;

/// <summary>
/// Public pages of the clubs, and what a company does there (join, leave, register for a meeting). The company comes
/// from the account's company scope, never from the form.
/// </summary>
[Area("Clubs")]
[Route("clubs")]
public sealed class ClubsController(ClubsDbContext db, IReferentialsQuery referentials, ICompaniesQuery companies, IAccessScope scope) : Controller
{
    private ClubService Clubs => HttpContext.RequestServices.GetRequiredService<ClubService>();

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var clubs = await db.Clubs.AsNoTracking().Where(c => c.Status == ClubStatus.Active).OrderBy(c => c.Name)
            .Select(c => new { c.DepartementCode, c.Name }).ToListAsync(cancellationToken);
        var byDepartement = clubs.GroupBy(c => c.DepartementCode).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(c => c.Name)));
        return View(new ClubsIndexViewModel(
            [.. departements.Select(d => (IReadOnlyList<string>)[$"{d.Nom} ({d.Code})", byDepartement.GetValueOrDefault(d.Code, "Pas encore de club")])],
            [.. departements.Select(d => "/clubs/" + d.Code)],
            departements.Count(d => byDepartement.ContainsKey(d.Code)),
            departements.Count));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Departement(string code, CancellationToken cancellationToken)
    {
        var model = await BuildAsync(code, null, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{code}/{clubId:guid}/adhesion")]
    [Authorize]
    public async Task<IActionResult> Join(string code, Guid clubId, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.SingleOrDefaultAsync(c => c.Id == clubId && c.DepartementCode == code.ToUpperInvariant(), cancellationToken);
        if (club is null)
        {
            return NotFound();
        }

        var company = await Clubs.ViewerCompanyAsync(User, cancellationToken);
        if (company is null || !await Clubs.RequestJoinAsync(club, company, cancellationToken))
        {
            return Forbid();
        }

        TempData["Success"] = $"Votre demande d’adhésion au club « {club.Name} » est transmise à ses animateurs.";
        return LocalRedirect("/clubs/" + club.DepartementCode);
    }

    [HttpPost("{code}/{clubId:guid}/depart")]
    [Authorize]
    public async Task<IActionResult> Leave(string code, Guid clubId, CancellationToken cancellationToken)
    {
        var company = await Clubs.ViewerCompanyAsync(User, cancellationToken);
        var membership = company is null ? null : await Clubs.MembershipAsync(clubId, company.Id, cancellationToken);
        if (membership is null || membership.Status is MembershipStatus.Left or MembershipStatus.Declined)
        {
            return Forbid();
        }

        membership.Status = MembershipStatus.Left;
        membership.DecidedAtUtc = Clubs.NowUtc;
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.ClubChangedAsync(clubId, cancellationToken);
        TempData["Success"] = "Votre entreprise a quitté le club.";
        return LocalRedirect("/clubs/" + code.ToUpperInvariant());
    }

    [HttpPost("{code}/rencontres/{id:guid}/inscription")]
    [Authorize]
    public async Task<IActionResult> Register(string code, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Registrations).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var company = await Clubs.ViewerCompanyAsync(User, cancellationToken);
        var membership = company is null ? null : await Clubs.MembershipAsync(meeting.ClubId, company.Id, cancellationToken);
        if (company is null || membership?.Status != MembershipStatus.Accepted)
        {
            return Forbid();
        }

        if (meeting.Registrations.Any(r => r.CompanyId == company.Id))
        {
            return LocalRedirect("/clubs/" + code.ToUpperInvariant());
        }

        if (meeting.CancelledAtUtc is not null || meeting.StartsAtUtc <= Clubs.NowUtc || meeting.Registrations.Count >= meeting.Capacity)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var error = meeting.CancelledAtUtc is not null
                ? $"La rencontre « {meeting.Title} » est annulée : votre inscription n’a pas été enregistrée."
                : meeting.StartsAtUtc <= Clubs.NowUtc
                ? "Cette rencontre a déjà eu lieu : les inscriptions sont closes."
                : $"La rencontre « {meeting.Title} » est complète ({meeting.Capacity} places) : votre inscription n’a pas été enregistrée.";
            var model = await BuildAsync(code, error, cancellationToken);
            return model is null ? NotFound() : View("Departement", model);
        }

        db.Registrations.Add(new MeetingRegistration { MeetingId = meeting.Id, CompanyId = company.Id, RegisteredAtUtc = Clubs.NowUtc });
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(meeting.ClubId, meeting.Id, cancellationToken);
        TempData["Success"] = $"Votre entreprise est inscrite à la rencontre « {meeting.Title} ».";
        return LocalRedirect("/clubs/" + code.ToUpperInvariant());
    }

    [HttpGet("{code}/rencontres/{id:guid}.ics")]
    public async Task<IActionResult> MeetingCalendar(string code, Guid id, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        var club = meeting is null ? null : await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == meeting.ClubId && c.DepartementCode == upper && c.Status == ClubStatus.Active, cancellationToken);
        if (meeting is null || club is null)
        {
            return NotFound();
        }

        var text = ICalendarWriter.Write(club.Name, [new(meeting, club.Name, Absolute($"/clubs/{upper}"))], Clubs.NowUtc);
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"rencontre-{meeting.Id:N}.ics");
    }

    [HttpGet("{code}/calendrier.ics")]
    public async Task<IActionResult> Calendar(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        var departement = await referentials.FindDepartementAsync(upper, cancellationToken);
        if (departement is null)
        {
            return NotFound();
        }

        var clubs = await db.Clubs.AsNoTracking().Where(c => c.DepartementCode == upper && c.Status == ClubStatus.Active).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = clubs.Keys.ToList();
        var since = Clubs.NowUtc.AddDays(-365);
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.ClubId) && m.StartsAtUtc >= since).OrderBy(m => m.StartsAtUtc).Take(500).ToListAsync(cancellationToken);
        var text = ICalendarWriter.Write($"Clubs — {departement.Nom}", meetings.Select(m => new ICalendarWriter.Event(m, clubs[m.ClubId], Absolute($"/clubs/{upper}"))), Clubs.NowUtc);
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"clubs-{upper}.ics");
    }

    private string Absolute(string path) => HttpContext.RequestServices.GetRequiredService<Plan10000.Portal.Abstractions.Settings.IPortalUrls>().Absolute(path);

    private async Task<DepartementClubsViewModel?> BuildAsync(string code, string? error, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        var departement = await referentials.FindDepartementAsync(upper, cancellationToken);
        if (departement is null)
        {
            return null;
        }

        var viewer = User.Identity?.IsAuthenticated == true ? await Clubs.ViewerCompanyAsync(User, cancellationToken) : null;
        var clubs = await db.Clubs.AsNoTracking().Include(c => c.Animators).Where(c => c.DepartementCode == upper && c.Status == ClubStatus.Active).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var now = Clubs.NowUtc;

        // Memberships, public members and meetings of every club of the page in three queries, not three per club.
        var ids = clubs.Select(c => c.Id).ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.ClubId)).ToListAsync(cancellationToken);
        var accepted = memberships.Where(m => m.Status == MembershipStatus.Accepted).ToLookup(m => m.ClubId, m => m.CompanyId);
        var listed = await companies.GetPublicCompaniesAsync([.. accepted.SelectMany(g => g)], cancellationToken);
        var allMeetings = (await db.Meetings.AsNoTracking().Include(m => m.Registrations).Include(m => m.Decisions)
            .Where(m => ids.Contains(m.ClubId)).OrderBy(m => m.StartsAtUtc).ToListAsync(cancellationToken)).ToLookup(m => m.ClubId);
        var views = new List<ClubView>();
        foreach (var club in clubs)
        {
            var memberIds = accepted[club.Id].ToList();
            var publicMembers = listed.Where(c => memberIds.Contains(c.Id)).ToList();
            var membership = viewer is null ? null : memberships.FirstOrDefault(m => m.ClubId == club.Id && m.CompanyId == viewer.Id);
            var isMember = membership?.Status == MembershipStatus.Accepted;
            var insider = isMember || scope.Reaches(User, ScopeOwner.OfClub(club.Id, club.DepartementCode));
            var meetings = allMeetings[club.Id].ToList();
            MeetingView View(Meeting m) => new(
                m.Id, m.Title, ParisTime.Format(m.StartsAtUtc) + " – " + ParisTime.FromUtc(m.EndsAtUtc).ToString("HH'h'mm", System.Globalization.CultureInfo.InvariantCulture),
                m.Place, m.VideoUrl, m.Agenda, m.Registrations.Count, m.Capacity,
                viewer is not null && m.Registrations.Any(r => r.CompanyId == viewer.Id),
                isMember && m.CancelledAtUtc is null && m.StartsAtUtc > now && m.Registrations.Count < m.Capacity,
                $"/clubs/{upper}/rencontres/{m.Id}.ics",
                insider ? m.Minutes : null,
                insider ? [.. m.Decisions.OrderBy(d => d.CreatedAtUtc).Select(d => d.Text)] : [],
                m.CancelledAtUtc is not null);
            var joinState = viewer is null ? "anonyme"
                : membership?.Status switch
                {
                    MembershipStatus.Accepted => "membre",
                    MembershipStatus.Pending => "en-attente",
                    _ => viewer.Approved && string.Equals(viewer.DepartementCode, upper, StringComparison.OrdinalIgnoreCase) ? "peut-adherer" : "hors-departement",
                };
            views.Add(new ClubView(
                club.Id,
                club.Name,
                club.Description,
                [new("Contact", club.ContactEmail), new("Référents de l’État", club.ReferentContacts), new("Membres", memberIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                [.. publicMembers.Select(c => c.Name)],
                [.. meetings.Where(m => m.StartsAtUtc > now).Select(View)],
                insider ? [.. meetings.Where(m => m.StartsAtUtc <= now).OrderByDescending(m => m.StartsAtUtc).Select(View)] : [],
                joinState));
        }

        return new DepartementClubsViewModel(upper, departement.Nom, views, viewer is not null, error);
    }
}
