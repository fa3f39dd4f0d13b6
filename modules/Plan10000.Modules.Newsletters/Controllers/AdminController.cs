using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Jobs;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Modules.Newsletters.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Newsletters.Controllers;

/// <summary>
/// The animator's newsletters. The permission says « may send newsletters »; the scope says which club: every action
/// loads the newsletter (or the club of the form) through <see cref="ScopedLoading"/>, 404 when absent and 403 unless
/// the reader animates its club (<see cref="ScopeReach.Animate"/>).
/// </summary>
[Area("Newsletters")]
[Route("admin/lettres")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageNewsletters)]
public sealed class AdminController(
    NewslettersDbContext db,
    IAccessScope scope,
    IClubsQuery clubs,
    IContentQuery content,
    IBackgroundJobs jobs,
    IAuditLog audit,
    TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private NewsletterMails Mails => HttpContext.RequestServices.GetRequiredService<NewsletterMails>();

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var mine = await MyClubsAsync(cancellationToken);
        var ids = mine.Select(c => c.Id).ToList();
        var names = mine.ToDictionary(c => c.Id, c => c.Name);
        var rows = await db.Newsletters.AsNoTracking().Where(n => ids.Contains(n.ClubId)).OrderByDescending(n => n.CreatedAtUtc).Take(200)
            .Select(n => new { n.Id, n.ClubId, n.Subject, n.Status, n.CreatedAtUtc, n.SentAtUtc }).ToListAsync(cancellationToken);
        return View(new AdminIndexViewModel(mine, [.. rows.Select(n => new NewsletterRow(n.Id, names[n.ClubId], n.Subject, Labels.Status(n.Status), Format(n.SentAtUtc ?? n.CreatedAtUtc)))]));
    }

    [HttpGet("nouvelle")]
    public async Task<IActionResult> Create(Guid club, CancellationToken cancellationToken)
    {
        var info = await ClubToAnimateAsync(club, cancellationToken);
        return info.Refused ? info.Refusal : View(new EditViewModel(new NewsletterForm { ClubId = club }, info.Value.Name, await content.GetImagesAsync(24, cancellationToken)));
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create(NewsletterForm form, CancellationToken cancellationToken)
    {
        var info = await ClubToAnimateAsync(form.ClubId, cancellationToken);
        if (info.Refused)
        {
            return info.Refusal;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new EditViewModel(form, info.Value.Name, await content.GetImagesAsync(24, cancellationToken)));
        }

        var newsletter = new Newsletter
        {
            ClubId = form.ClubId,
            Subject = form.Subject.Trim(),
            Body = form.Body,
            Status = NewsletterStatus.Draft,
            CreatedBy = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            CreatedAtUtc = Now,
            UpdatedAtUtc = Now,
        };
        db.Newsletters.Add(newsletter);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Le brouillon est enregistré. Relisez l’aperçu, envoyez-vous un test, puis envoyez ou programmez la lettre.";
        return LocalRedirect("/admin/lettres/" + newsletter.Id);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await NewsletterToAnimateAsync(id, tracked: false, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var newsletter = loaded.Value;

        return View(await ShowModelAsync(newsletter, null, null, cancellationToken));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, NewsletterForm form, CancellationToken cancellationToken)
    {
        var loaded = await NewsletterToAnimateAsync(id, tracked: true, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var newsletter = loaded.Value;

        if (newsletter.Status != NewsletterStatus.Draft)
        {
            ModelState.AddModelError(nameof(form.Body), "Cette lettre est déjà envoyée ou programmée : elle ne se modifie plus.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await ShowModelAsync(newsletter, form, null, cancellationToken));
        }

        newsletter.Subject = form.Subject.Trim();
        newsletter.Body = form.Body;
        newsletter.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Le brouillon est enregistré.";
        return LocalRedirect("/admin/lettres/" + id);
    }

    /// <summary>A test goes to the signed-in user's own address only, whatever the form says.</summary>
    [HttpPost("{id:guid}/test")]
    public async Task<IActionResult> Test(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await NewsletterToAnimateAsync(id, tracked: false, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var newsletter = loaded.Value;

        var email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        jobs.Enqueue<NewsletterMailJob>(j => j.SendTestAsync(id, email));
        TempData["Success"] = $"Un envoi de test part vers {email}.";
        return LocalRedirect("/admin/lettres/" + id);
    }

    [HttpPost("{id:guid}/envoyer")]
    public async Task<IActionResult> Send(Guid id, SendForm send, CancellationToken cancellationToken)
    {
        var loaded = await NewsletterToAnimateAsync(id, tracked: true, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var newsletter = loaded.Value;

        DateTime? at = null;
        if (!string.IsNullOrWhiteSpace(send.Date) || !string.IsNullOrWhiteSpace(send.Time))
        {
            if (!DateOnly.TryParseExact(send.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                ModelState.AddModelError(nameof(send.Date), "Indiquez la date au format AAAA-MM-JJ.");
            }
            else if (!TimeOnly.TryParseExact(string.IsNullOrWhiteSpace(send.Time) ? "08:00" : send.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                ModelState.AddModelError(nameof(send.Time), "Indiquez l’heure au format HH:MM.");
            }
            else
            {
                at = ParisTime.ToUtc(date.ToDateTime(time));
                if (at <= Now)
                {
                    ModelState.AddModelError(nameof(send.Date), "Choisissez un moment à venir, ou laissez vide pour envoyer maintenant.");
                }
            }
        }

        if (newsletter.Status != NewsletterStatus.Draft)
        {
            ModelState.AddModelError(nameof(send.Date), "Cette lettre est déjà envoyée ou programmée.");
        }
        else if (!send.Confirm)
        {
            ModelState.AddModelError(nameof(send.Confirm), "Cochez la case pour confirmer l’envoi à ces destinataires : une lettre envoyée ou programmée ne se reprend pas.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await ShowModelAsync(newsletter, null, send, cancellationToken));
        }

        newsletter.Status = at is null ? NewsletterStatus.Queued : NewsletterStatus.Scheduled;
        newsletter.ScheduledAtUtc = at;
        newsletter.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(at is null ? "lettre-envoyee" : "lettre-programmee", newsletter.Id.ToString(), newsletter.Subject, cancellationToken);
        if (at is null)
        {
            jobs.Enqueue<NewsletterSendJob>(j => j.RunAsync(id, CancellationToken.None));
            TempData["Success"] = "L’envoi a commencé : suivez sa progression ci-dessous.";
        }
        else
        {
            TempData["Success"] = $"La lettre partira le {Format(at.Value)}.";
        }

        return LocalRedirect("/admin/lettres/" + id);
    }

    private async Task<ShowViewModel> ShowModelAsync(Newsletter newsletter, NewsletterForm? form, SendForm? send, CancellationToken cancellationToken)
    {
        var club = await clubs.GetClubAsync(newsletter.ClubId, cancellationToken);
        var counts = await db.Deliveries.AsNoTracking().Where(d => d.NewsletterId == newsletter.Id).GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(DeliveryStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        var failures = await db.Deliveries.AsNoTracking().Where(d => d.NewsletterId == newsletter.Id && d.Status == DeliveryStatus.Failed).OrderBy(d => d.Id).Take(200)
            .Select(d => new { d.Email, d.Attempts, d.LastAnswer }).ToListAsync(cancellationToken);
        var images = newsletter.Status == NewsletterStatus.Draft ? await content.GetImagesAsync(24, cancellationToken) : [];
        var (members, subscribers) = newsletter.Status == NewsletterStatus.Draft
            ? await HttpContext.RequestServices.GetRequiredService<NewsletterSender>().AudienceByOriginAsync(newsletter.ClubId, cancellationToken)
            : ([], []);
        return new ShowViewModel(
            newsletter.Id,
            newsletter.ClubId,
            club?.Name ?? "",
            newsletter.Subject,
            Labels.Status(newsletter.Status),
            newsletter.Status == NewsletterStatus.Draft,
            newsletter.Status is NewsletterStatus.Queued or NewsletterStatus.Sending,
            Mails.RenderHtml(form?.Body ?? newsletter.Body),
            form ?? new NewsletterForm { ClubId = newsletter.ClubId, Subject = newsletter.Subject, Body = newsletter.Body },
            images,
            counts.Sum(c => c.Count),
            Count(DeliveryStatus.Sent),
            Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending),
            Count(DeliveryStatus.Skipped),
            [.. failures.Select(f => (IReadOnlyList<string>)[f.Email, f.Attempts.ToString(CultureInfo.InvariantCulture), f.LastAnswer ?? ""])],
            newsletter.ScheduledAtUtc is { } s ? Format(s) : null,
            send ?? new SendForm(),
            new NewsletterAudience(members.Count, subscribers.Count));
    }

    /// <summary>A national admin may write for every active club; anyone else for the clubs they animate.</summary>
    private async Task<IReadOnlyList<ClubChoice>> MyClubsAsync(CancellationToken cancellationToken)
    {
        var animated = scope.Clubs(User);
        return [.. (await clubs.GetClubsAsync(null, cancellationToken))
            .Where(c => animated is null ? c.Active : animated.Contains(c.Id, c.DepartementCode))
            .OrderBy(c => c.Name).Select(c => new ClubChoice(c.Id, c.Name))];
    }

    private Task<InScope<ClubInfo>> ClubToAnimateAsync(Guid clubId, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(clubs.GetClubAsync(clubId, cancellationToken), c => c.Owner, ScopeReach.Animate);

    private Task<InScope<Newsletter>> NewsletterToAnimateAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var newsletters = tracked ? db.Newsletters : db.Newsletters.AsNoTracking();
        return this.LoadInScopeAsync(
            newsletters.SingleOrDefaultAsync(n => n.Id == id, cancellationToken),
            async n => (await clubs.GetClubAsync(n.ClubId, cancellationToken))?.Owner,
            ScopeReach.Animate);
    }

    private static string Format(DateTime utc) => ParisTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
}
