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

/// <summary>The page of one meeting and what is recorded on it: its cancellation, its minutes, the decisions taken.</summary>
[Area("Clubs")]
[Route("admin/clubs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageClubs)]
public sealed class MinutesAdminController(
    ClubsDbContext db,
    IAccessScope scope,
    IReferentialsQuery referentials,
    ICompaniesQuery companies,
    ICompanyCommitments commitments,
    TimeProvider clock) : ClubsAdminControllerBase(db, scope, clock)
{
    /// <summary>Asks for confirmation before cancelling.</summary>
    [HttpGet("{id:guid}/rencontres/{meetingId:guid}/annuler")]
    public async Task<IActionResult> CancelMeeting(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;
        return View(new CancelMeetingViewModel(club.Id, club.Name, meeting.Id, meeting.Title, ParisTime.Format(meeting.StartsAtUtc), meeting.Registrations.Count));
    }

    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/annuler")]
    public async Task<IActionResult> CancelMeetingConfirmed(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;

        if (meeting.StartsAtUtc <= Now && meeting.CancelledAtUtc is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ModelState.AddModelError("Minutes", "Cette rencontre a déjà commencé : elle ne s’annule plus.");
            return View("Meeting", await MeetingModelAsync(club, meeting, null, null, cancellationToken));
        }

        if (meeting.CancelledAtUtc is null)
        {
            meeting.CancelledAtUtc = Now;
            meeting.Sequence++;
            await Db.SaveChangesAsync(cancellationToken);
            await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        }

        TempData["Success"] = $"La rencontre « {meeting.Title} » est annulée.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    [HttpGet("{id:guid}/rencontres/{meetingId:guid}")]
    public async Task<IActionResult> Meeting(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        return found.Refused ? found.Refusal : View(await MeetingModelAsync(found.Value.Club, found.Value.Meeting, null, null, cancellationToken));
    }

    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/compte-rendu")]
    public async Task<IActionResult> Minutes(Guid id, Guid meetingId, MinutesForm form, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;

        if (meeting.StartsAtUtc > Now)
        {
            ModelState.AddModelError(nameof(form.Minutes), "Le compte rendu se dépose une fois la rencontre commencée.");
        }
        else if (meeting.CancelledAtUtc is not null)
        {
            ModelState.AddModelError(nameof(form.Minutes), "Cette rencontre est annulée : elle n’a pas de compte rendu.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Meeting", await MeetingModelAsync(club, meeting, form, null, cancellationToken));
        }

        var attended = form.Attended.Select(a => Guid.TryParse(a, out var g) ? g : Guid.Empty).ToHashSet();
        foreach (var registration in meeting.Registrations)
        {
            registration.Attended = attended.Contains(registration.CompanyId);
        }

        meeting.Minutes = form.Minutes.Trim();
        meeting.MinutesFiledAtUtc = Now;
        await Db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = "Le compte rendu est enregistré ; les membres le lisent sur la page du club.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    /// <summary>Records a decision; when it names a member company and a theme, it becomes a line of that company's fiche navette.</summary>
    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/decisions")]
    public async Task<IActionResult> Decision(Guid id, Guid meetingId, DecisionForm form, CancellationToken cancellationToken)
    {
        var found = await MeetingToAnimateAsync(id, meetingId, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var (club, meeting) = found.Value;

        Guid? companyId = null;
        int? theme = null, quantity = null, year = null;
        if (!string.IsNullOrWhiteSpace(form.CompanyId))
        {
            var members = await Db.Memberships.Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync(cancellationToken);
            if (Guid.TryParse(form.CompanyId, out var c) && members.Contains(c))
            {
                companyId = c;
            }
            else
            {
                ModelState.AddModelError(nameof(form.CompanyId), "Choisissez une entreprise membre du club.");
            }

            var themes = await referentials.GetThemesAsync(cancellationToken);
            if (int.TryParse(form.ThemeNumero, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && themes.Any(x => x.Numero == t))
            {
                theme = t;
            }
            else
            {
                ModelState.AddModelError(nameof(form.ThemeNumero), "Choisissez la thématique de l’engagement.");
            }

            if (!string.IsNullOrWhiteSpace(form.Quantity))
            {
                if (int.TryParse(form.Quantity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q <= 1_000_000)
                {
                    quantity = q;
                }
                else
                {
                    ModelState.AddModelError(nameof(form.Quantity), "Saisissez un nombre entier positif, par exemple 3.");
                }
            }

            if (!string.IsNullOrWhiteSpace(form.Year))
            {
                if (int.TryParse(form.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2018 and <= 2100)
                {
                    year = y;
                }
                else
                {
                    ModelState.AddModelError(nameof(form.Year), "Saisissez une année sur quatre chiffres, par exemple 2027.");
                }
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Meeting", await MeetingModelAsync(club, meeting, null, form, cancellationToken));
        }

        var decision = new MeetingDecision { MeetingId = meeting.Id, Text = form.Text.Trim(), CompanyId = companyId, ThemeNumero = theme, CreatedAtUtc = Now };
        if (companyId is not null && theme is not null)
        {
            decision.CommitmentId = await commitments.AddCommitmentAsync(companyId.Value, theme.Value, decision.Text, quantity, form.Unit, year, "club:" + club.Id, cancellationToken);
            if (decision.CommitmentId is null)
            {
                ModelState.AddModelError(nameof(form.CompanyId), "L’engagement n’a pas pu être ajouté : l’entreprise n’est plus engagée.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Meeting", await MeetingModelAsync(club, meeting, null, form, cancellationToken));
            }
        }

        Db.Decisions.Add(decision);
        await Db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = decision.CommitmentId is null ? "La décision est enregistrée." : "La décision est enregistrée et ajoutée à la fiche navette de l’entreprise.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    private async Task<MeetingAdminViewModel> MeetingModelAsync(Club club, Meeting meeting, MinutesForm? minutes, DecisionForm? decision, CancellationToken cancellationToken)
    {
        var memberIds = await Db.Memberships.AsNoTracking().Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync(cancellationToken);
        var infos = (await companies.GetCompaniesAsync([.. memberIds.Concat(meeting.Registrations.Select(r => r.CompanyId))], cancellationToken)).ToDictionary(c => c.Id);
        string Name(Guid? companyId) => companyId is { } id && infos.TryGetValue(id, out var c) ? c.Name : "";
        var themes = await referentials.GetThemesAsync(cancellationToken);
        return new MeetingAdminViewModel(
            club.Id,
            club.Name,
            meeting.Id,
            meeting.Title,
            [
                new("Date", ParisTime.Format(meeting.StartsAtUtc) + " – " + ParisTime.FromUtc(meeting.EndsAtUtc).ToString("HH'h'mm", CultureInfo.InvariantCulture) + " (heure de Paris)"),
                new("Lieu", meeting.Place ?? "—"),
                new("Visioconférence", meeting.VideoUrl ?? "—"),
                new("Ordre du jour", meeting.Agenda),
                new("Inscrits", $"{meeting.Registrations.Count} / {meeting.Capacity}"),
            ],
            [.. meeting.Registrations.Select(r => new KeyValuePair<string, string>(r.CompanyId.ToString(), Name(r.CompanyId))).OrderBy(r => r.Value)],
            minutes?.Attended ?? [.. meeting.Registrations.Where(r => r.Attended == true).Select(r => r.CompanyId.ToString())],
            minutes ?? new MinutesForm { Minutes = meeting.Minutes ?? "" },
            decision ?? new DecisionForm(),
            [.. memberIds.Select(id => new KeyValuePair<string, string>(id.ToString(), Name(id))).OrderBy(m => m.Value)],
            [.. themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))],
            [.. meeting.Decisions.OrderBy(d => d.CreatedAtUtc).Select(d => (IReadOnlyList<string>)[d.Text, Name(d.CompanyId) is { Length: > 0 } n ? n : "—", d.CommitmentId is null ? "Non" : "Oui, ajoutée à sa fiche navette"])],
            meeting.CancelledAtUtc is null && meeting.StartsAtUtc > Now,
            meeting.CancelledAtUtc is not null);
    }
}
