using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Newsletters.Jobs;

/// <summary>Sends one newsletter (or resumes it); Hangfire gives the server's stop token for the cancellation.</summary>
internal sealed class NewsletterSendJob(NewsletterSender sender)
{
    public Task RunAsync(Guid newsletterId, CancellationToken cancellationToken) => sender.RunAsync(newsletterId, cancellationToken);
}

/// <summary>
/// Recurring: starts the scheduled newsletters that are due and resumes every send left unfinished (stop, crash,
/// retries due later). Also run once at every start of the portal.
/// </summary>
internal sealed class NewsletterPumpJob(NewslettersDbContext db, NewsletterSender sender, TimeProvider clock)
{
    public const string Id = "lettres-envoi";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Newsletters.AsNoTracking()
            .Where(n => n.Status == NewsletterStatus.Queued || n.Status == NewsletterStatus.Sending || (n.Status == NewsletterStatus.Scheduled && n.ScheduledAtUtc <= now))
            .OrderBy(n => n.CreatedAtUtc).Select(n => n.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await sender.RunAsync(id, cancellationToken);
        }
    }
}

/// <summary>Enqueues the pump once at start, so a send stopped by a restart resumes without waiting for the next occurrence.</summary>
internal sealed class ResumeSendsAtStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IBackgroundJobs>().Enqueue<NewsletterPumpJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The double opt-in mail and the test send to the animator.</summary>
internal sealed class NewsletterMailJob(NewslettersDbContext db, IMailSender sender, NewsletterTokens tokens, NewsletterMails mails, IClubsQuery clubs, IPortalUrls urls)
{
    public async Task SendConfirmationAsync(Guid subscriberId)
    {
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId);
        if (subscriber is not { Status: SubscriberStatus.Pending, ConfirmNonce: not null })
        {
            return;
        }

        var club = await clubs.GetClubAsync(subscriber.ClubId);
        var link = urls.Absolute("/lettre/confirmer?jeton=" + Uri.EscapeDataString(tokens.ForConfirmation(subscriber.Id, subscriber.ConfirmNonce)));
        await sender.SendAsync(
        [
            MailComposer.Compose(subscriber.Email, "Confirmez votre abonnement à la lettre du club", "lettre-club-confirmation", "Bonjour,",
                [$"Vous avez demandé à recevoir la lettre d’information du club « {club?.Name} ». Pour confirmer votre abonnement, suivez le lien ci-dessous.",
                 "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : vous ne recevrez rien."],
                ("Confirmer mon abonnement", link)),
        ], CancellationToken.None);
    }

    public async Task SendTestAsync(Guid newsletterId, string to)
    {
        var newsletter = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsletterId);
        if (newsletter is null)
        {
            return;
        }

        var club = await clubs.GetClubAsync(newsletter.ClubId);
        var body = mails.Prepare("[Test] " + newsletter.Subject, club?.Name ?? "", newsletter.Body);
        await sender.SendAsync([NewsletterMails.Compose(body, to, urls.Absolute("/lettre/desinscription?jeton=test"), NewsletterMails.TestTemplate)], CancellationToken.None);
    }
}
