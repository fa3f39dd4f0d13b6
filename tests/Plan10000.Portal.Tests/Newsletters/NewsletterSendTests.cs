using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>The « done when » of the newsletters against a real SMTP server (netDumbster, in process).</summary>
public sealed class NewsletterSendTests
{
    [Fact]
    public async Task A_thousand_recipient_newsletter_is_delivered_once_each_with_the_unsubscribe_headers()
    {
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        using var factory = new PortalFactory(settings: SmtpSettings(port));
        var club = await AddClubAsync(factory, "35", "Club d’Ille-et-Vilaine");
        await AddSubscribersAsync(factory, club.Id, 998);
        var member = await Clubs.ClubsScenarioSupport.AddApprovedCompanyAsync(factory, "Conserverie de Rennes", "35000");
        await AddMemberAsync(factory, club.Id, member);
        await Clubs.ClubsScenarioSupport.CreateAccountAsync(factory, "dirigeante@conserverie.test", PortalRoles.Company, (ScopeClaims.Company, member.ToString()));
        await Clubs.ClubsScenarioSupport.CreateAccountAsync(factory, "rh@conserverie.test", PortalRoles.Company, (ScopeClaims.Company, member.ToString()));
        var animator = await factory.CreateUserClientAsync("animateur.35@test.gouv.fr", PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));

        var created = await PortalFactory.PostFormAsync(animator, "/admin/lettres/nouvelle?club=" + club.Id, "/admin/lettres/nouvelle",
            new() { ["ClubId"] = club.Id.ToString(), ["Subject"] = "Lettre de novembre", ["Body"] = "# Rencontre de décembre\n\nVenez <script>alert(1)</script> **nombreux**." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var sent = await PortalFactory.PostFormAsync(animator, page, page + "/envoyer", new() { ["Date"] = "", ["Time"] = "", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Guid.Parse(page.Split('/')[^1]);
        await WaitUntilAsync(async () => await StatusAsync(factory, id) == NewsletterStatus.Sent, TimeSpan.FromMinutes(3), "envoi terminé");

        var received = smtp.ReceivedEmail;
        Assert.Equal(1000, received.Length);
        Assert.Equal(1000, received.Select(m => m.ToAddresses[0].Address.ToLowerInvariant()).Distinct().Count());
        Assert.Contains(received, m => m.ToAddresses[0].Address == "rh@conserverie.test");
        Assert.All(received, m =>
        {
            Assert.StartsWith("<http://localhost/lettre/desinscription?jeton=", m.Headers["List-Unsubscribe"], StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
        });
        var one = received[0].MessageParts.Single(p => p.HeaderData.Contains("text/html", StringComparison.Ordinal)).BodyData;
        Assert.DoesNotContain("<script", one, StringComparison.OrdinalIgnoreCase);
        var progress = WebUtility.HtmlDecode(await animator.GetStringAsync(page));
        Assert.Contains("Envoyée", progress);
        Assert.Contains("1000", progress);
        Assert.Equal(1000, await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Status == DeliveryStatus.Sent && d.Attempts == 1)));
        var archive = WebUtility.HtmlDecode(await factory.CreateBrowserLikeClient().GetStringAsync("/clubs/35/lettre"));
        Assert.Contains("Lettre de novembre", archive);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task A_send_stopped_midway_resumes_after_a_restart_and_misses_no_recipient()
    {
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var data = PortalFactory.NewDataDirectory();
        Guid id;
        using (var first = new PortalFactory(data, SmtpSettings(port, maxPerSecond: 150)))
        {
            var club = await AddClubAsync(first, "44", "Club de Loire-Atlantique");
            await AddSubscribersAsync(first, club.Id, 1000);
            id = await AddNewsletterAsync(first, club.Id, "Lettre interrompue", NewsletterStatus.Queued);
            first.Services.GetRequiredService<Plan10000.Portal.Abstractions.Jobs.IBackgroundJobs>()
                .Enqueue<Plan10000.Modules.Newsletters.Jobs.NewsletterSendJob>(j => j.RunAsync(id, CancellationToken.None));
            await WaitUntilAsync(() => Task.FromResult(smtp.ReceivedEmailCount >= 250), TimeSpan.FromMinutes(1), "premiers lots envoyés");
        }

        var atStop = smtp.ReceivedEmailCount;
        Assert.InRange(atStop, 250, 999);
        using var second = new PortalFactory(data, SmtpSettings(port));
        await WaitUntilAsync(async () => await StatusAsync(second, id) == NewsletterStatus.Sent, TimeSpan.FromMinutes(2), "reprise de l’envoi");

        var counts = smtp.ReceivedEmail.GroupBy(m => m.ToAddresses[0].Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1000, counts.Count);
        Assert.InRange(smtp.ReceivedEmailCount, 1000, 1050); // at most the batch in flight (50) twice
        Assert.Equal(1000, await WithDbAsync(second, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Status == DeliveryStatus.Sent)));
        PortalFixture.TryDelete(data);
    }

    [Fact]
    public async Task Smtp_refusing_connections_then_recovering_ends_with_everything_delivered_once()
    {
        var port = FreePort();
        using var factory = new PortalFactory(settings: SmtpSettings(port));
        var club = await AddClubAsync(factory, "29", "Club du Finistère");
        await AddSubscribersAsync(factory, club.Id, 120);
        var id = await AddNewsletterAsync(factory, club.Id, "Lettre contrariée", NewsletterStatus.Queued);
        factory.Services.GetRequiredService<Plan10000.Portal.Abstractions.Jobs.IBackgroundJobs>()
            .Enqueue<Plan10000.Modules.Newsletters.Jobs.NewsletterSendJob>(j => j.RunAsync(id, CancellationToken.None));
        await WaitUntilAsync(() => WithDbAsync(factory, db => db.Deliveries.AnyAsync(d => d.NewsletterId == id && d.Attempts >= 1 && d.Status == DeliveryStatus.Pending)), TimeSpan.FromSeconds(60), "premier refus");
        var answer = await WithDbAsync(factory, db => db.Deliveries.Where(d => d.NewsletterId == id && d.Attempts >= 1).Select(d => d.LastAnswer).FirstAsync());

        using var smtp = SimpleSmtpServer.Start(port);
        await WaitUntilAsync(async () => await StatusAsync(factory, id) == NewsletterStatus.Sent, TimeSpan.FromMinutes(2), "envoi après reprise du serveur");

        Assert.False(string.IsNullOrEmpty(answer));
        Assert.Equal(120, smtp.ReceivedEmailCount);
        Assert.Equal(120, smtp.ReceivedEmail.Select(m => m.ToAddresses[0].Address).Distinct().Count());
        Assert.Equal(120, await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Status == DeliveryStatus.Sent)));
        // At least the first batch was refused, then retried: the ones claimed after the server came back went at once.
        Assert.InRange(await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Attempts >= 2)), 50, 120);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_with_the_server_answer_and_never_retried()
    {
        using var smtp = new RefusingSmtpServer(address => address.StartsWith("abonne0001", StringComparison.Ordinal));
        using var factory = new PortalFactory(settings: SmtpSettings(smtp.Port));
        var club = await AddClubAsync(factory, "22", "Club des Côtes-d’Armor");
        await AddSubscribersAsync(factory, club.Id, 5);
        var id = await AddNewsletterAsync(factory, club.Id, "Lettre à un inconnu", NewsletterStatus.Queued);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Plan10000.Modules.Newsletters.Services.NewsletterSender>().RunAsync(id, CancellationToken.None);
        }

        var refused = await WithDbAsync(factory, db => db.Deliveries.AsNoTracking().SingleAsync(d => d.NewsletterId == id && d.Email == "abonne0001@lettre.test"));
        Assert.Equal(NewsletterStatus.Sent, await StatusAsync(factory, id));
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.StartsWith("550", refused.LastAnswer, StringComparison.Ordinal);
        Assert.Single(smtp.RcptAttempts, a => a == "abonne0001@lettre.test");
        Assert.Equal(4, smtp.Accepted.Distinct().Count());
        Assert.Equal(4, smtp.Accepted.Count);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
