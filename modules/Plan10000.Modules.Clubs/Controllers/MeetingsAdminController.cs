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

/// <summary>Scheduling a club meeting and changing it before it starts.</summary>
[Area("Clubs")]
[Route("admin/clubs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageClubs)]
public sealed class MeetingsAdminController(ClubsDbContext db, IAccessScope scope, TimeProvider clock) : ClubsAdminControllerBase(db, scope, clock)
{
    [HttpGet("{id:guid}/rencontres/nouvelle")]
    public async Task<IActionResult> NewMeeting(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await ClubToAnimateAsync(id, cancellationToken);
        return loaded.Refused ? loaded.Refusal : View(new MeetingFormViewModel(loaded.Value.Id, loaded.Value.Name, new MeetingForm { Capacity = "30" }));
    }

    [HttpPost("{id:guid}/rencontres/nouvelle")]
    public async Task<IActionResult> NewMeeting(Guid id, MeetingForm form, CancellationToken cancellationToken)
    {
        var loaded = await ClubToAnimateAsync(id, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;

        var (start, end, capacity) = ValidateMeeting(form);
        if (!ModelState.IsValid || start is null || end is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new MeetingFormViewModel(club.Id, club.Name, form));
        }

        var meeting = new Meeting
        {
            ClubId = club.Id,
            Title = form.Title.Trim(),
            StartsAtUtc = start.Value,
            EndsAtUtc = end.Value,
            Place = string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim(),
            VideoUrl = string.IsNullOrWhiteSpace(form.VideoUrl) ? null : form.VideoUrl.Trim(),
            Agenda = form.Agenda.Trim(),
            Capacity = capacity,
            CreatedAtUtc = Now,
        };
        Db.Meetings.Add(meeting);
        await Db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = $"La rencontre « {meeting.Title} » est programmée.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    /// <summary>The checks shared by scheduling and editing a meeting; errors go to ModelState next to their field.</summary>
    private (DateTime? Start, DateTime? End, int Capacity) ValidateMeeting(MeetingForm form)
    {
        DateTime? start = null, end = null;
        int capacity = 0;
        if (!string.IsNullOrWhiteSpace(form.Date) && !DateOnly.TryParseExact(form.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            ModelState.AddModelError(nameof(form.Date), "Saisissez la date au format AAAA-MM-JJ, par exemple 2027-03-15.");
        }
        else if (!string.IsNullOrWhiteSpace(form.Date))
        {
            var day = DateOnly.ParseExact(form.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(form.Start))
            {
                if (TimeOnly.TryParseExact(form.Start.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s))
                {
                    start = ParisTime.ToUtc(day.ToDateTime(s));
                }
                else
                {
                    ModelState.AddModelError(nameof(form.Start), "Saisissez l’heure au format HH:MM, par exemple 09:30.");
                }
            }

            if (!string.IsNullOrWhiteSpace(form.End))
            {
                if (TimeOnly.TryParseExact(form.End.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
                {
                    end = ParisTime.ToUtc(day.ToDateTime(e));
                }
                else
                {
                    ModelState.AddModelError(nameof(form.End), "Saisissez l’heure au format HH:MM, par exemple 11:30.");
                }
            }

            if (start is not null && start <= Now)
            {
                ModelState.AddModelError(nameof(form.Date), "Choisissez une date à venir.");
            }

            if (start is not null && end is not null && end <= start)
            {
                ModelState.AddModelError(nameof(form.End), "L’heure de fin doit suivre l’heure de début.");
            }
        }

        if (!string.IsNullOrWhiteSpace(form.Capacity) && (!int.TryParse(form.Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out capacity) || capacity < 1 || capacity > 10_000))
        {
            ModelState.AddModelError(nameof(form.Capacity), "Saisissez un nombre de places entre 1 et 10 000.");
        }

        if (string.IsNullOrWhiteSpace(form.Place) && string.IsNullOrWhiteSpace(form.VideoUrl))
        {
            ModelState.AddModelError(nameof(form.Place), "Indiquez un lieu ou un lien de visioconférence.");
        }

        if (!string.IsNullOrWhiteSpace(form.VideoUrl) && !(Uri.TryCreate(form.VideoUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError(nameof(form.VideoUrl), "Saisissez un lien complet commençant par https://.");
        }

        return (start, end, capacity);
    }

    [HttpGet("{id:guid}/rencontres/{meetingId:guid}/modifier")]
    public async Task<IActionResult> EditMeeting(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;

        var start = ParisTime.FromUtc(meeting.StartsAtUtc);
        var form = new MeetingForm
        {
            Title = meeting.Title,
            Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Start = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            End = ParisTime.FromUtc(meeting.EndsAtUtc).ToString("HH:mm", CultureInfo.InvariantCulture),
            Place = meeting.Place ?? "",
            VideoUrl = meeting.VideoUrl ?? "",
            Agenda = meeting.Agenda,
            Capacity = meeting.Capacity.ToString(CultureInfo.InvariantCulture),
        };
        return View("NewMeeting", new MeetingFormViewModel(club.Id, club.Name, form, meeting.Id));
    }

    /// <summary>Changes an upcoming meeting; SEQUENCE is raised so calendars that imported the .ics update the event.</summary>
    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/modifier")]
    public async Task<IActionResult> EditMeeting(Guid id, Guid meetingId, MeetingForm form, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;

        if (meeting.CancelledAtUtc is not null)
        {
            ModelState.AddModelError(nameof(form.Title), "Cette rencontre est annulée : elle ne se modifie plus.");
        }
        else if (meeting.StartsAtUtc <= Now)
        {
            ModelState.AddModelError(nameof(form.Title), "Cette rencontre a déjà commencé : elle ne se modifie plus.");
        }

        var (start, end, capacity) = ValidateMeeting(form);
        if (ModelState.IsValid && capacity < meeting.Registrations.Count)
        {
            ModelState.AddModelError(nameof(form.Capacity), $"{meeting.Registrations.Count} entreprises sont déjà inscrites : prévoyez au moins autant de places.");
        }

        if (!ModelState.IsValid || start is null || end is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("NewMeeting", new MeetingFormViewModel(club.Id, club.Name, form, meeting.Id));
        }

        meeting.Title = form.Title.Trim();
        meeting.StartsAtUtc = start.Value;
        meeting.EndsAtUtc = end.Value;
        meeting.Place = string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim();
        meeting.VideoUrl = string.IsNullOrWhiteSpace(form.VideoUrl) ? null : form.VideoUrl.Trim();
        meeting.Agenda = form.Agenda.Trim();
        meeting.Capacity = capacity;
        meeting.Sequence++;
        await Db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = $"La rencontre « {meeting.Title} » est modifiée.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }
}
