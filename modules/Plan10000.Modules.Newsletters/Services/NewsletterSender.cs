using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Clubs;

namespace Plan10000.Modules.Newsletters.Services;

/// <summary>
/// Sends a newsletter in batches (each worker keeps one SMTP connection for its batches): the audience becomes one delivery row per recipient (once, in the transaction that
/// moves the newsletter to « sending »), then each batch is claimed (pending → sending, conditional update), sent over
/// one SMTP connection and marked (sent / failed with the server's answer / pending again with a later attempt).
/// A stop mid-batch leaves at most that batch « sending »; its claim expires and another run sends it again.
/// </summary>
internal sealed class NewsletterSender(
    NewslettersDbContext db,
    IMailSender mailSender,
    IClubsQuery clubs,
    IAccountProvisioning accounts,
    NewsletterMails mails,
    NewsletterTokens tokens,
    IOptions<NewsletterOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<NewsletterSender> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(Guid newsletterId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var newsletter = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsletterId, cancellationToken);
        if (newsletter is null || newsletter.Status is NewsletterStatus.Draft or NewsletterStatus.Sent)
        {
            return;
        }

        if (newsletter.Status == NewsletterStatus.Scheduled && newsletter.ScheduledAtUtc > Now)
        {
            return;
        }

        if (newsletter.Status is NewsletterStatus.Scheduled or NewsletterStatus.Queued)
        {
            await StartAsync(newsletter, cancellationToken);
        }

        var club = await clubs.GetClubAsync(newsletter.ClubId, cancellationToken);
        var body = mails.Prepare(newsletter.Subject, club?.Name ?? "", newsletter.Body);
        var connections = Math.Max(1, settings.Connections);
        var rate = settings.MaxPerSecond / connections;

        // Extra workers, each with its own scope (DbContext) and SMTP connection per batch, drain what they can claim;
        // this one waits for them before deciding whether the send is over.
        var helpers = Enumerable.Range(1, connections - 1).Select(_ => Task.Run(async () =>
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().DrainAsync(newsletter.Id, newsletter.ClubId, body, rate, cancellationToken);
        }, CancellationToken.None)).ToList();
        while (!cancellationToken.IsCancellationRequested)
        {
            await DrainAsync(newsletter.Id, newsletter.ClubId, body, rate, cancellationToken);
            await Task.WhenAll(helpers);
            helpers.Clear();
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var next = await NextDueAsync(newsletter.Id, settings, cancellationToken);
            if (next is null)
            {
                await CompleteAsync(newsletter.Id, cancellationToken);
                return;
            }

            var wait = next.Value - Now;
            if (wait.TotalSeconds > settings.MaxInlineWaitSeconds)
            {
                return; // the recurring pump comes back for it
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Claims, sends and marks batches until nothing is claimable now; <paramref name="rate"/> in mails per second (0: no limit).</summary>
    private async Task DrainAsync(Guid newsletterId, Guid clubId, NewsletterBody body, double rate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var watch = Stopwatch.StartNew();
        var sentSoFar = 0;
        await using var session = mailSender.OpenSession();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimAsync(newsletterId, settings, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await SendBatchAsync(session, clubId, body, batch);
            sentSoFar += batch.Count;
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds(sentSoFar / rate) - watch.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Queued/scheduled → sending, and the audience written, in one transaction: only one run ever wins it.</summary>
    private async Task StartAsync(Newsletter newsletter, CancellationToken cancellationToken)
    {
        var audience = await AudienceAsync(newsletter.ClubId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;
        var won = await db.Newsletters
            .Where(n => n.Id == newsletter.Id && (n.Status == NewsletterStatus.Queued || n.Status == NewsletterStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NewsletterStatus.Sending).SetProperty(n => n.SendStartedAtUtc, now).SetProperty(n => n.RecipientCount, audience.Count), cancellationToken);
        if (won == 1)
        {
            // By chunks, with a cleared change tracker: 10,000 tracked rows would cost more than their INSERTs.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var chunk in audience.Chunk(1000))
            {
                db.Deliveries.AddRange(chunk.Select(email => new Delivery { NewsletterId = newsletter.Id, Email = email, Status = DeliveryStatus.Pending }));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The accepted member companies' accounts plus the confirmed subscribers, minus the opt-outs, each address once.</summary>
    internal async Task<IReadOnlyList<string>> AudienceAsync(Guid clubId, CancellationToken cancellationToken)
    {
        var (members, subscribers) = await AudienceByOriginAsync(clubId, cancellationToken);
        return [.. members.Concat(subscribers).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The same audience told by origin, as the send page announces it: the member companies' addresses, then the
    /// confirmed subscribers who are not already among them.
    /// </summary>
    internal async Task<(IReadOnlyList<string> Members, IReadOnlyList<string> Subscribers)> AudienceByOriginAsync(Guid clubId, CancellationToken cancellationToken)
    {
        var memberIds = await clubs.GetMemberCompanyIdsAsync(clubId, cancellationToken);
        var memberEmails = await accounts.GetCompaniesEmailsAsync([.. memberIds.Select(m => m.ToString())], cancellationToken);
        var subscriberEmails = await db.Subscribers.AsNoTracking().Where(s => s.ClubId == clubId && s.Status == SubscriberStatus.Confirmed).Select(s => s.Email).ToListAsync(cancellationToken);
        var optedOut = (await db.OptOuts.AsNoTracking().Where(o => o.ClubId == clubId).Select(o => o.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        List<string> Clean(IEnumerable<string> emails, ICollection<string> already)
            => [.. emails.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0 && !optedOut.Contains(e) && !already.Contains(e)).Distinct()];
        var members = Clean(memberEmails, []);
        return (members, Clean(subscriberEmails, members.ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>Pending rows whose attempt is due, and rows whose claim expired, become this run's batch (conditional update).</summary>
    private async Task<List<Delivery>> ClaimAsync(Guid newsletterId, NewsletterOptions settings, CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = now.AddSeconds(-settings.ClaimTimeoutSeconds);
        var candidates = await db.Deliveries.AsNoTracking()
            .Where(d => d.NewsletterId == newsletterId
                && ((d.Status == DeliveryStatus.Pending && (d.NextAttemptAtUtc == null || d.NextAttemptAtUtc <= now))
                    || (d.Status == DeliveryStatus.Sending && d.ClaimedAtUtc < expired)))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(Math.Max(1, settings.BatchSize)).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var claim = Guid.NewGuid();
        db.ChangeTracker.Clear(); // rows read back below must carry the claimed state, not an older tracked copy
        await db.Deliveries
            .Where(d => candidates.Contains(d.Id)
                && ((d.Status == DeliveryStatus.Pending && (d.NextAttemptAtUtc == null || d.NextAttemptAtUtc <= now))
                    || (d.Status == DeliveryStatus.Sending && d.ClaimedAtUtc < expired)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimId, claim).SetProperty(d => d.ClaimedAtUtc, now), cancellationToken);
        return await db.Deliveries.Where(d => d.ClaimId == claim).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a claimed batch and records each outcome. The batch is sent and marked without the job's cancellation:
    /// a graceful stop finishes the batch in flight rather than leave it to be sent twice.
    /// </summary>
    private async Task SendBatchAsync(IMailSession session, Guid clubId, NewsletterBody body, List<Delivery> batch)
    {
        var emails = batch.Select(d => d.Email).ToList();
        var optedOut = (await db.OptOuts.AsNoTracking().Where(o => o.ClubId == clubId && emails.Contains(o.Email)).Select(o => o.Email).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = Now;
        foreach (var skipped in batch.Where(d => optedOut.Contains(d.Email)))
        {
            skipped.Status = DeliveryStatus.Skipped;
            skipped.LastAnswer = "désinscrit avant l’envoi";
        }

        var toSend = batch.Where(d => d.Status == DeliveryStatus.Sending).ToList();
        var results = toSend.Count == 0 ? [] : await session.SendAsync([.. toSend.Select(d => NewsletterMails.Compose(body, d.Email, mails.UnsubscribeUrl(tokens.ForUnsubscribe(d.Id))))], CancellationToken.None);
        var settings = options.Value;
        now = Now;
        foreach (var (delivery, result) in toSend.Zip(results))
        {
            delivery.Attempts++;
            delivery.LastAnswer = result.ServerAnswer.Length > 1000 ? result.ServerAnswer[..1000] : result.ServerAnswer;
            delivery.ClaimId = null;
            delivery.ClaimedAtUtc = null;
            if (result.Sent)
            {
                delivery.Status = DeliveryStatus.Sent;
                delivery.SentAtUtc = now;
                delivery.NextAttemptAtUtc = null;
            }
            else if (result.Permanent || delivery.Attempts >= settings.MaxAttempts)
            {
                delivery.Status = DeliveryStatus.Failed;
                delivery.NextAttemptAtUtc = null;
            }
            else
            {
                delivery.Status = DeliveryStatus.Pending;
                delivery.NextAttemptAtUtc = now.AddSeconds(settings.RetryDelaySeconds * Math.Pow(2, delivery.Attempts - 1));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        var failed = results.Count(r => !r.Sent);
        if (failed > 0)
        {
            log.LogWarning("Lettre : {Failed} échec(s) sur un lot de {Count} ({Answer})", failed, results.Count, results.First(r => !r.Sent).ServerAnswer);
        }
    }

    /// <summary>When the next retry or expired claim of the newsletter is due; null when every row is done.</summary>
    private async Task<DateTime?> NextDueAsync(Guid newsletterId, NewsletterOptions settings, CancellationToken cancellationToken)
    {
        var rows = db.Deliveries.AsNoTracking().Where(d => d.NewsletterId == newsletterId);
        var retry = await rows.Where(d => d.Status == DeliveryStatus.Pending).OrderBy(d => d.NextAttemptAtUtc).Select(d => new { d.NextAttemptAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var claimed = await rows.Where(d => d.Status == DeliveryStatus.Sending).OrderBy(d => d.ClaimedAtUtc).Select(d => new { d.ClaimedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        DateTime? next = retry is null ? null : retry.NextAttemptAtUtc ?? Now;
        if (claimed is not null)
        {
            var expiry = (claimed.ClaimedAtUtc ?? Now).AddSeconds(settings.ClaimTimeoutSeconds);
            next = next is null || expiry < next ? expiry : next;
        }

        return next;
    }

    private async Task CompleteAsync(Guid newsletterId, CancellationToken cancellationToken)
    {
        var now = Now;
        await db.Newsletters.Where(n => n.Id == newsletterId && n.Status == NewsletterStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NewsletterStatus.Sent).SetProperty(n => n.SentAtUtc, now), cancellationToken);
    }
}
