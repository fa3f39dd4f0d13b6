using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>Two portal instances on one PostgreSQL database sending the same newsletter at once: the claims share the work.</summary>
public sealed class NewslettersPostgreSqlTests
{
    [SkippableFact]
    public async Task Two_instances_sending_the_same_newsletter_deliver_each_recipient_once()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("lettres");
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var settings = SmtpSettings(port);
        settings["Portal:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Portal"] = database.ConnectionString;
        settings["Portal:Newsletters:ClaimTimeoutSeconds"] = "300";
        using var first = new PortalFactory(settings: settings);
        using var second = new PortalFactory(settings: settings);
        _ = second.Services;
        var club = await AddClubAsync(first, "35", "Club de Rennes");
        await AddSubscribersAsync(first, club.Id, 400);
        var id = await AddNewsletterAsync(first, club.Id, "Lettre partagée", NewsletterStatus.Queued);

        async Task SendFrom(PortalFactory portal)
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().RunAsync(id, CancellationToken.None);
        }

        await Task.WhenAll(SendFrom(first), SendFrom(second));
        await SendFrom(first); // a late retry finds nothing left to do

        // Each instance's startup pump may also have claimed a batch: the runner holding the last claimed rows marks the
        // letter sent when it is done, which can be just after the calls above return.
        await WaitUntilAsync(async () => await StatusAsync(second, id) == NewsletterStatus.Sent, TimeSpan.FromSeconds(30), "la lettre marquée envoyée");
        Assert.Equal(NewsletterStatus.Sent, await StatusAsync(second, id));
        Assert.Equal(400, smtp.ReceivedEmailCount);
        Assert.Equal(400, smtp.ReceivedEmail.Select(m => m.ToAddresses[0].Address).Distinct().Count());
        Assert.Equal(400, await WithDbAsync(first, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Status == DeliveryStatus.Sent && d.Attempts == 1)));
        PortalFixture.TryDelete(first.DataDirectory);
        PortalFixture.TryDelete(second.DataDirectory);
    }
}
