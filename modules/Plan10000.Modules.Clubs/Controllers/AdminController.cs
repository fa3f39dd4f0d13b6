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
/// Back office of the clubs. The permission says « may manage clubs »; the scope says which: referents create and
/// validate clubs of their départements (CanActOnDepartement), animators manage the members and meetings of their
/// club only (CanActOnClub). Every action loads the club first and answers 403 outside the scope.
/// </summary>
[Area("Clubs")]
[Route("admin/clubs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageClubs)]
public sealed class AdminController(
    ClubsDbContext db,
    IAccessScope scope,
    IReferentialsQuery referentials,
    ICompaniesQuery companies,
    ICompanyCommitments commitments,
    IAccountProvisioning accounts,
    TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/mon-club")]
    public IActionResult MyClub()
    {
        var club = User.FindFirst(ScopeClaims.Club)?.Value;
        return LocalRedirect(club is null ? "/admin/clubs" : "/admin/clubs/" + club);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var departements = scope.Departements(User);
        var clubIds = User.FindAll(ScopeClaims.Club).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).ToList();
        var query = db.Clubs.AsNoTracking();
        if (departements is not null)
        {
            var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode) || clubIds.Contains(c.Id));
        }

        var clubs = await query.OrderBy(c => c.DepartementCode).ThenBy(c => c.Name).Take(1000).ToListAsync(cancellationToken);
        return View(new AdminClubsViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order()),
            [.. clubs.Select(c => (IReadOnlyList<string>)[c.Name, c.DepartementCode, StatusLabel(c.Status)])],
            [.. clubs.Select(c => "/admin/clubs/" + c.Id)],
            departements is null || departements.Count > 0 || User.IsInRole(PortalRoles.ClubAnimator)));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
        => View(await FormModelAsync(new ClubForm(), cancellationToken));

    /// <summary>A referent creates an active club in their département; an animator without that scope proposes one, which a referent validates.</summary>
    [HttpPost("nouveau")]
    public async Task<IActionResult> Create(ClubForm form, CancellationToken cancellationToken)
    {
        var code = (form.DepartementCode ?? "").Trim().ToUpperInvariant();
        var canCreate = code.Length > 0 && scope.CanActOnDepartement(User, code);
        var canPropose = User.IsInRole(PortalRoles.ClubAnimator);
        if (code.Length > 0 && !canCreate && !canPropose)
        {
            return Forbid();
        }

        if (code.Length > 0 && await referentials.FindDepartementAsync(code, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(form.DepartementCode), "Choisissez un département de la liste.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await FormModelAsync(form, cancellationToken));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var club = new Club
        {
            Name = form.Name.Trim(),
            Description = form.Description.Trim(),
            DepartementCode = code,
            ReferentContacts = form.ReferentContacts.Trim(),
            ContactEmail = form.ContactEmail.Trim(),
            Status = canCreate ? ClubStatus.Active : ClubStatus.Proposed,
            CreatedAtUtc = Now,
            CreatedBy = userId,
            ValidatedBy = canCreate ? userId : null,
        };
        db.Clubs.Add(club);
        if (!canCreate)
        {
            // The proposer animates the club they propose.
            club.Animators.Add(new ClubAnimator { ClubId = club.Id, UserId = userId, Email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "" });
        }

        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        if (!canCreate)
        {
            await accounts.AddClubScopeAsync(userId, club.Id.ToString(), cancellationToken);
        }

        TempData["Success"] = canCreate
            ? $"Le club « {club.Name} » est créé."
            : $"Le club « {club.Name} » est proposé : un référent du département doit le valider.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    [HttpPost("{id:guid}/valider")]
    public async Task<IActionResult> Validate(Guid id, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (club is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, club.DepartementCode))
        {
            return Forbid();
        }

        if (club.Status == ClubStatus.Proposed)
        {
            club.Status = ClubStatus.Active;
            club.ValidatedBy = User.FindFirstValue(ClaimTypes.NameIdentifier);
            await db.SaveChangesAsync(cancellationToken);
            await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        }

        TempData["Success"] = $"Le club « {club.Name} » est validé.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().Include(c => c.Animators).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (club is null)
        {
            return NotFound();
        }

        return CanSee(club) ? View(await DashboardAsync(club, new AnimatorForm(), cancellationToken)) : Forbid();
    }

    /// <summary>Makes an existing account an animator of the club (role + club scope); referents of the département only.</summary>
    [HttpPost("{id:guid}/animateurs")]
    public async Task<IActionResult> AddAnimator(Guid id, AnimatorForm form, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.Include(c => c.Animators).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (club is null)
        {
            return NotFound();
        }

        if (!scope.CanActOnDepartement(User, club.DepartementCode))
        {
            return Forbid();
        }

        var userId = ModelState.IsValid ? await accounts.FindUserIdAsync(form.Email, cancellationToken) : null;
        if (ModelState.IsValid && userId is null)
        {
            ModelState.AddModelError(nameof(form.Email), "Aucun compte n’utilise cette adresse : la personne doit d’abord créer son compte.");
        }

        if (!ModelState.IsValid || userId is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await DashboardAsync(club, form, cancellationToken));
        }

        if (club.Animators.All(a => a.UserId != userId))
        {
            db.Animators.Add(new ClubAnimator { ClubId = club.Id, UserId = userId, Email = form.Email.Trim() });
            await db.SaveChangesAsync(cancellationToken);
            await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        }

        await accounts.AddClubScopeAsync(userId, club.Id.ToString(), cancellationToken);
        TempData["Success"] = $"{form.Email.Trim()} anime désormais le club.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    [HttpPost("{id:guid}/membres/{membershipId:guid}/accepter")]
    public Task<IActionResult> Accept(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Pending, MembershipStatus.Accepted, "La demande est acceptée.", cancellationToken);

    [HttpPost("{id:guid}/membres/{membershipId:guid}/refuser")]
    public Task<IActionResult> Decline(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Pending, MembershipStatus.Declined, "La demande est déclinée.", cancellationToken);

    [HttpPost("{id:guid}/membres/{membershipId:guid}/retirer")]
    public Task<IActionResult> Remove(Guid id, Guid membershipId, CancellationToken cancellationToken)
        => DecideAsync(id, membershipId, MembershipStatus.Accepted, MembershipStatus.Left, "L’entreprise ne fait plus partie du club.", cancellationToken);

    [HttpGet("{id:guid}/rencontres/nouvelle")]
    public async Task<IActionResult> NewMeeting(Guid id, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return club is null ? NotFound() : !CanManage(club) ? Forbid() : View(new MeetingFormViewModel(club.Id, club.Name, new MeetingForm { Capacity = "30" }));
    }

    [HttpPost("{id:guid}/rencontres/nouvelle")]
    public async Task<IActionResult> NewMeeting(Guid id, MeetingForm form, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (club is null)
        {
            return NotFound();
        }

        if (!CanManage(club))
        {
            return Forbid();
        }

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
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
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
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        if (!CanManage(club))
        {
            return Forbid();
        }

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
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        if (!CanManage(club))
        {
            return Forbid();
        }

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
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = $"La rencontre « {meeting.Title} » est modifiée.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    /// <summary>Asks for confirmation before cancelling.</summary>
    [HttpGet("{id:guid}/rencontres/{meetingId:guid}/annuler")]
    public async Task<IActionResult> CancelMeeting(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        return !CanManage(club) ? Forbid() : View(new CancelMeetingViewModel(club.Id, club.Name, meeting.Id, meeting.Title, ParisTime.Format(meeting.StartsAtUtc), meeting.Registrations.Count));
    }

    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/annuler")]
    public async Task<IActionResult> CancelMeetingConfirmed(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        if (!CanManage(club))
        {
            return Forbid();
        }

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
            await db.SaveChangesAsync(cancellationToken);
            await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        }

        TempData["Success"] = $"La rencontre « {meeting.Title} » est annulée.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    [HttpGet("{id:guid}/rencontres/{meetingId:guid}")]
    public async Task<IActionResult> Meeting(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        return found is null ? NotFound() : !CanManage(found.Value.Club) ? Forbid() : View(await MeetingModelAsync(found.Value.Club, found.Value.Meeting, null, null, cancellationToken));
    }

    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/compte-rendu")]
    public async Task<IActionResult> Minutes(Guid id, Guid meetingId, MinutesForm form, CancellationToken cancellationToken)
    {
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        if (!CanManage(club))
        {
            return Forbid();
        }

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
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = "Le compte rendu est enregistré ; les membres le lisent sur la page du club.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    /// <summary>Records a decision; when it names a member company and a theme, it becomes a line of that company's fiche navette.</summary>
    [HttpPost("{id:guid}/rencontres/{meetingId:guid}/decisions")]
    public async Task<IActionResult> Decision(Guid id, Guid meetingId, DecisionForm form, CancellationToken cancellationToken)
    {
        var found = await FindMeetingAsync(id, meetingId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (club, meeting) = found.Value;
        if (!CanManage(club))
        {
            return Forbid();
        }

        Guid? companyId = null;
        int? theme = null, quantity = null, year = null;
        if (!string.IsNullOrWhiteSpace(form.CompanyId))
        {
            var members = await db.Memberships.Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync(cancellationToken);
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

        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.MeetingChangedAsync(club.Id, meeting.Id, cancellationToken);
        TempData["Success"] = decision.CommitmentId is null ? "La décision est enregistrée." : "La décision est enregistrée et ajoutée à la fiche navette de l’entreprise.";
        return LocalRedirect($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}");
    }

    private bool CanManage(Club club) => scope.CanActOnClub(User, club.Id.ToString());

    private bool CanSee(Club club) => CanManage(club) || scope.CanActOnDepartement(User, club.DepartementCode);

    private static string StatusLabel(ClubStatus status) => status switch
    {
        ClubStatus.Proposed => "Proposé, à valider",
        ClubStatus.Active => "Actif",
        _ => "Fermé",
    };

    private async Task<(Club Club, Meeting Meeting)?> FindMeetingAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var meeting = club is null ? null : await db.Meetings.Include(m => m.Registrations).Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == meetingId && m.ClubId == club.Id, cancellationToken);
        return club is null || meeting is null ? null : (club, meeting);
    }

    private async Task<IActionResult> DecideAsync(Guid id, Guid membershipId, MembershipStatus from, MembershipStatus to, string message, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var membership = club is null ? null : await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.ClubId == club.Id, cancellationToken);
        if (club is null || membership is null)
        {
            return NotFound();
        }

        if (!CanManage(club))
        {
            return Forbid();
        }

        if (membership.Status == from)
        {
            membership.Status = to;
            membership.DecidedAtUtc = Now;
            await db.SaveChangesAsync(cancellationToken);
            await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        }

        TempData["Success"] = message;
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    private async Task<ClubFormViewModel> FormModelAsync(ClubForm form, CancellationToken cancellationToken)
    {
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var inScope = scope.Departements(User);
        var proposalOnly = inScope is not null && inScope.Count == 0;
        var options = departements.Where(d => proposalOnly || inScope is null || inScope.Contains(d.Code) || inScope.Contains(d.Code.ToLowerInvariant()))
            .Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Nom} ({d.Code})")).ToList();
        return new ClubFormViewModel(form, options, proposalOnly);
    }

    private async Task<ClubDashboardViewModel> DashboardAsync(Club club, AnimatorForm animatorForm, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.ClubId == club.Id && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Accepted)).ToListAsync(cancellationToken);
        var infos = (await companies.GetCompaniesAsync([.. memberships.Select(m => m.CompanyId)], cancellationToken)).ToDictionary(c => c.Id);
        string Name(Guid companyId) => infos.TryGetValue(companyId, out var c) ? c.Name : companyId.ToString();
        var memberIds = memberships.Where(m => m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToList();
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var byTheme = await companies.GetCommitmentsByThemeAsync(memberIds, cancellationToken);
        var withoutResults = await companies.GetCompaniesWithoutResultsAsync(memberIds, cancellationToken);
        var now = Now;
        var upcoming = await db.Meetings.AsNoTracking().Where(m => m.ClubId == club.Id).OrderByDescending(m => m.StartsAtUtc).Take(50)
            .Select(m => new { m.Id, m.Title, m.StartsAtUtc, m.Capacity, Registered = m.Registrations.Count, HasMinutes = m.Minutes != null, Cancelled = m.CancelledAtUtc != null }).ToListAsync(cancellationToken);
        var departement = await referentials.FindDepartementAsync(club.DepartementCode, cancellationToken);
        return new ClubDashboardViewModel(
            club.Id,
            club.Name,
            $"{departement?.Nom ?? club.DepartementCode} ({club.DepartementCode})",
            StatusLabel(club.Status),
            club.Status == ClubStatus.Proposed && scope.CanActOnDepartement(User, club.DepartementCode),
            CanManage(club),
            scope.CanActOnDepartement(User, club.DepartementCode),
            [.. club.Animators.Select(a => a.Email)],
            [.. memberships.Where(m => m.Status == MembershipStatus.Pending).Select(m => (m.Id, Name(m.CompanyId)))],
            [.. memberships.Where(m => m.Status == MembershipStatus.Accepted).Select(m => (m.Id, Name(m.CompanyId))).OrderBy(m => m.Item2)],
            [.. byTheme.Select(t => (IReadOnlyList<string>)[$"{t.ThemeNumero}. {themes.GetValueOrDefault(t.ThemeNumero, "")}", Num(t.Companies), Num(t.Commitments), Num(t.WithResults)])],
            [.. withoutResults.Select(Name).Order()],
            [.. upcoming.Select(m => (IReadOnlyList<string>)[m.Title, ParisTime.Format(m.StartsAtUtc), $"{m.Registered} / {m.Capacity}", m.Cancelled ? "Annulée" : m.StartsAtUtc > now ? "À venir" : m.HasMinutes ? "Compte rendu déposé" : "Compte rendu à déposer"])],
            [.. upcoming.Select(m => $"/admin/clubs/{club.Id}/rencontres/{m.Id}")],
            animatorForm);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<MeetingAdminViewModel> MeetingModelAsync(Club club, Meeting meeting, MinutesForm? minutes, DecisionForm? decision, CancellationToken cancellationToken)
    {
        var memberIds = await db.Memberships.AsNoTracking().Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToListAsync(cancellationToken);
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
