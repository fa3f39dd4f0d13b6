using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Jobs;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Modules.Newsletters.ViewModels;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Newsletters.Controllers;

/// <summary>
/// Public side: the newsletters of a département's clubs (subscription form and archive), the double opt-in link and
/// the unsubscribe page. A GET never changes a subscription; the unsubscribe POST also serves RFC 8058 one-click posts.
/// </summary>
[Area("Newsletters")]
public sealed class PublicController(
    NewslettersDbContext db,
    IClubsQuery clubs,
    IBackgroundJobs jobs,
    TimeProvider clock) : Controller
{
    /// <summary>Version of the consent wording below; kept with each subscription as proof.</summary>
    public const string ConsentForm = "lettre-club-formulaire-v1";
    public const string ConsentText = "J’accepte de recevoir la lettre d’information de ce club. Je peux me désinscrire à tout moment par le lien présent dans chaque lettre.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private NewsletterMails Mails => HttpContext.RequestServices.GetRequiredService<NewsletterMails>();

    private NewsletterTokens Tokens => HttpContext.RequestServices.GetRequiredService<NewsletterTokens>();

    [HttpGet("clubs/{code}/lettre")]
    public async Task<IActionResult> Index(string code, CancellationToken cancellationToken)
    {
        var model = await IndexModelAsync(code, null, new SubscribeForm(), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("clubs/{code}/lettre/{clubId:guid}/inscription")]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Subscribe(string code, Guid clubId, SubscribeForm form, CancellationToken cancellationToken)
    {
        var club = await clubs.GetClubAsync(clubId, cancellationToken);
        if (club is null || !club.Active || !string.Equals(club.DepartementCode, code, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        if (!form.Consent)
        {
            ModelState.AddModelError(nameof(form.Consent), "Cochez la case pour donner votre accord.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await IndexModelAsync(code, clubId, form, cancellationToken));
        }

        var email = form.Email.Trim().ToLowerInvariant();
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.ClubId == clubId && s.Email == email, cancellationToken);
        if (subscriber is null)
        {
            subscriber = new Subscriber { ClubId = clubId, Email = email };
            db.Subscribers.Add(subscriber);
        }

        // Whatever the state, the same answer: the page never tells whether an address is subscribed.
        if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            subscriber.Status = SubscriberStatus.Pending;
            subscriber.ConsentAtUtc = Now;
            subscriber.ConsentIp = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
            subscriber.ConsentForm = ConsentForm;
            subscriber.ConsentText = ConsentText;
            subscriber.ConfirmNonce = NewsletterTokens.NewNonce();
            await db.SaveChangesAsync(cancellationToken);
            var id = subscriber.Id;
            jobs.Enqueue<NewsletterMailJob>(j => j.SendConfirmationAsync(id));
        }

        return View("Message", new MessageViewModel("Vérifiez votre messagerie", $"Si l’adresse {email} n’est pas déjà abonnée, un courriel vient d’y partir : suivez son lien pour confirmer votre abonnement à la lettre du club « {club.Name} ».", false));
    }

    /// <summary>Double opt-in: the link carries the subscriber and a single-use value. The GET only shows a button
    /// (mail scanners follow links); the POST confirms.</summary>
    [HttpGet("lettre/confirmer")]
    public async Task<IActionResult> Confirm(string? jeton, CancellationToken cancellationToken)
    {
        var subscriber = await PendingSubscriberAsync(jeton, cancellationToken);
        if (subscriber is null)
        {
            return InvalidConfirmation();
        }

        var club = await clubs.GetClubAsync(subscriber.ClubId, cancellationToken);
        return View("Confirm", new ConfirmViewModel(jeton!, club?.Name ?? "", subscriber.Email));
    }

    [HttpPost("lettre/confirmer")]
    public async Task<IActionResult> Confirmed([FromForm] string? jeton, CancellationToken cancellationToken)
    {
        var subscriber = await PendingSubscriberAsync(jeton, cancellationToken);
        if (subscriber is null)
        {
            return InvalidConfirmation();
        }

        subscriber.Status = SubscriberStatus.Confirmed;
        subscriber.ConfirmedAtUtc = Now;
        subscriber.ConfirmNonce = null;
        await db.OptOuts.Where(o => o.ClubId == subscriber.ClubId && o.Email == subscriber.Email).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var club = await clubs.GetClubAsync(subscriber.ClubId, cancellationToken);
        return View("Message", new MessageViewModel("Abonnement confirmé", $"Vous recevrez la lettre d’information du club « {club?.Name} ». Chaque lettre contient un lien pour vous désinscrire.", false));
    }

    /// <summary>Shows what the link would do; never unsubscribes (mail scanners follow links).</summary>
    [HttpGet("lettre/desinscription")]
    public async Task<IActionResult> Unsubscribe(string? jeton, CancellationToken cancellationToken)
    {
        var (delivery, newsletter) = await ReadAsync(jeton, cancellationToken);
        if (delivery is null || newsletter is null || delivery.UnsubscribedAtUtc is not null)
        {
            return Invalid();
        }

        var club = await clubs.GetClubAsync(newsletter.ClubId, cancellationToken);
        return View(new UnsubscribeViewModel(jeton!, club?.Name ?? "", delivery.Email));
    }

    /// <summary>The form's button and the mail clients' one-click POST (RFC 8058, no antiforgery cookie: the signed token is the proof).</summary>
    [HttpPost("lettre/desinscription")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeConfirmed([FromQuery] string? jeton, CancellationToken cancellationToken)
    {
        var (delivery, newsletter) = await ReadAsync(jeton, cancellationToken);
        if (delivery is null || newsletter is null)
        {
            return Invalid();
        }

        var now = Now;
        var used = await db.Deliveries.Where(d => d.Id == delivery.Id && d.UnsubscribedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UnsubscribedAtUtc, now), cancellationToken);
        if (used == 0)
        {
            return Invalid();
        }

        if (!await db.OptOuts.AnyAsync(o => o.ClubId == newsletter.ClubId && o.Email == delivery.Email, cancellationToken))
        {
            db.OptOuts.Add(new OptOut { ClubId = newsletter.ClubId, Email = delivery.Email, AtUtc = now, Source = Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click" ? "un-clic" : "lien" });
        }

        await db.Subscribers.Where(s => s.ClubId == newsletter.ClubId && s.Email == delivery.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Unsubscribed).SetProperty(x => x.UnsubscribedAtUtc, now).SetProperty(x => x.ConfirmNonce, (string?)null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var club = await clubs.GetClubAsync(newsletter.ClubId, cancellationToken);
        return View("Message", new MessageViewModel("Désinscription enregistrée", $"L’adresse {delivery.Email} ne recevra plus la lettre du club « {club?.Name} ».", false));
    }

    [HttpGet("clubs/{code}/lettre/{clubId:guid}/{id:guid}")]
    public async Task<IActionResult> Archive(string code, Guid clubId, Guid id, CancellationToken cancellationToken)
    {
        var club = await clubs.GetClubAsync(clubId, cancellationToken);
        var newsletter = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.ClubId == clubId && n.Status == NewsletterStatus.Sent, cancellationToken);
        if (club is null || newsletter is null || !string.Equals(club.DepartementCode, code, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        return View(new ArchiveViewModel(club.DepartementCode, club.Id, club.Name, newsletter.Subject, ParisTime.Format(newsletter.SentAtUtc ?? newsletter.CreatedAtUtc), Mails.RenderHtml(newsletter.Body)));
    }

    private async Task<Subscriber?> PendingSubscriberAsync(string? token, CancellationToken cancellationToken)
    {
        var read = Tokens.ReadConfirmation(token);
        var subscriber = read is null ? null : await db.Subscribers.SingleOrDefaultAsync(s => s.Id == read.Value.SubscriberId, cancellationToken);
        return subscriber is null || subscriber.ConfirmNonce is null || subscriber.ConfirmNonce != read!.Value.Nonce || subscriber.Status != SubscriberStatus.Pending ? null : subscriber;
    }

    private ViewResult InvalidConfirmation()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Message", new MessageViewModel("Lien invalide ou déjà utilisé", "Ce lien de confirmation n’est pas valable ou a déjà servi. Abonnez-vous de nouveau depuis la page du club si besoin.", true));
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Message", new MessageViewModel("Lien invalide ou déjà utilisé", "Ce lien de désinscription n’est pas valable ou a déjà servi. Si vous recevez encore la lettre, utilisez le lien de la plus récente.", true));
    }

    private async Task<(Delivery?, Newsletter?)> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        var id = Tokens.ReadUnsubscribe(token);
        if (id is null)
        {
            return (null, null);
        }

        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var newsletter = delivery is null ? null : await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == delivery.NewsletterId, cancellationToken);
        return (delivery, newsletter);
    }

    private async Task<PublicIndexViewModel?> IndexModelAsync(string code, Guid? formClubId, SubscribeForm form, CancellationToken cancellationToken)
    {
        var active = (await clubs.GetClubsAsync(code.ToUpperInvariant(), cancellationToken)).Where(c => c.Active).OrderBy(c => c.Name).ToList();
        if (active.Count == 0)
        {
            return null;
        }

        var ids = active.Select(c => c.Id).ToList();
        var sent = await db.Newsletters.AsNoTracking().Where(n => ids.Contains(n.ClubId) && n.Status == NewsletterStatus.Sent)
            .OrderByDescending(n => n.SentAtUtc).Select(n => new { n.Id, n.ClubId, n.Subject, n.SentAtUtc }).Take(500).ToListAsync(cancellationToken);
        var byClub = sent.ToLookup(n => n.ClubId);
        return new PublicIndexViewModel(code.ToUpperInvariant(), [.. active.Select(c => new PublicClubLetter(c.Id, c.Name,
            [.. byClub[c.Id].Select(n => (n.Id, n.Subject, ParisTime.FromUtc(n.SentAtUtc ?? default).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))))]))], formClubId, form);
    }
}
