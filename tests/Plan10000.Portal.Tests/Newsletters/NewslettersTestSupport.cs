using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Newsletters;

internal static class NewslettersTestSupport
{
    public static int FreePort() => Ports.Free();

    /// <summary>SMTP to 127.0.0.1:port, small batches and short delays so a test sees retries and claim expiry quickly.</summary>
    public static Dictionary<string, string?> SmtpSettings(int port, double maxPerSecond = 0) => new()
    {
        ["Portal:Mail:Mode"] = "Smtp",
        ["Portal:Mail:Smtp:Host"] = "127.0.0.1",
        ["Portal:Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Portal:Mail:Smtp:Security"] = "None",
        ["Portal:Newsletters:BatchSize"] = "50",
        ["Portal:Newsletters:RetryDelaySeconds"] = "1",
        ["Portal:Newsletters:MaxAttempts"] = "8",
        ["Portal:Newsletters:ClaimTimeoutSeconds"] = "3",
        ["Portal:Newsletters:MaxPerSecond"] = maxPerSecond.ToString(CultureInfo.InvariantCulture),
    };

    public static async Task AddSubscribersAsync(PortalFactory factory, Guid clubId, int count, string prefix = "abonne")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewslettersDbContext>();
        db.Subscribers.AddRange(Enumerable.Range(0, count).Select(i => new Subscriber
        {
            ClubId = clubId,
            Email = $"{prefix}{i:0000}@lettre.test",
            Status = SubscriberStatus.Confirmed,
            ConsentAtUtc = DateTime.UtcNow,
            ConsentIp = "127.0.0.1",
            ConsentForm = "test",
            ConfirmedAtUtc = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> AddNewsletterAsync(PortalFactory factory, Guid clubId, string subject, NewsletterStatus status = NewsletterStatus.Draft)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewslettersDbContext>();
        var newsletter = new Newsletter { ClubId = clubId, Subject = subject, Body = "# Bonjour\n\nDes **nouvelles** du club.", Status = status, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, CreatedBy = "test" };
        db.Newsletters.Add(newsletter);
        await db.SaveChangesAsync();
        return newsletter.Id;
    }

    public static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<NewslettersDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<NewslettersDbContext>());
    }

    public static Task<NewsletterStatus> StatusAsync(PortalFactory factory, Guid id)
        => WithDbAsync(factory, db => db.Newsletters.AsNoTracking().Where(n => n.Id == id).Select(n => n.Status).SingleAsync());

    /// <summary>How many different addresses the SMTP sink received mail for (duplicates counted once).</summary>
    /// <summary>
    /// netDumbster copies its list of received mails without a lock: a copy taken while a mail arrives may throw, so it
    /// is taken again (NewsletterKillTests polls while four workers send).
    /// </summary>
    public static int DistinctRecipients(netDumbster.smtp.SimpleSmtpServer smtp)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return smtp.ReceivedEmail.Select(m => m.ToAddresses[0].Address.ToLowerInvariant()).Distinct().Count();
            }
            catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException or InvalidOperationException && attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Délai dépassé : " + what);
    }
}
