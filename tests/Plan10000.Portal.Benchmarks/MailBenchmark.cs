using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Benchmarks;

/// <summary>
/// Throughput of a newsletter send (audience, claims, one mail per recipient with its own unsubscribe token and
/// headers, delivery rows, mail log) against a bare MailKit loop over one connection, both to the same local SMTP
/// sink (netDumbster in process). One long run each, timed with a stopwatch: a 10,000-mail send is its own
/// repetition, BenchmarkDotNet's iterations would only multiply it.
/// </summary>
internal static class MailBenchmark
{
    public static async Task<string> RunAsync(int count, int batchSize)
    {
        var port = FreePort();
        using var sink = SimpleSmtpServer.Start(port);
        var bareFirst = await BareLoopAsync(port, count);
        sink.ClearReceivedEmail();
        var (portal, received) = await NewsletterAsync(port, count, batchSize, sink);
        sink.ClearReceivedEmail();
        var bareSecond = await BareLoopAsync(port, count);
        var bare = Math.Max(bareFirst, bareSecond);
        var lines = string.Join(Environment.NewLine,
            $"Courriels : {count} ; lots de {batchSize}",
            $"Boucle MailKit nue (une connexion) : {bareFirst:F0} puis {bareSecond:F0} messages/s",
            $"Lettre d’information du portail : {portal:F0} messages/s ({received} reçus par le serveur)",
            $"Rapport : {portal / bare:P0} du meilleur passage de la boucle nue (objectif : au moins 50 %)");
        Console.WriteLine(lines);
        return lines;
    }

    private static async Task<double> BareLoopAsync(int port, int count)
    {
        var watch = Stopwatch.StartNew();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("Plan 10 000 entreprises", "ne-pas-repondre@plan10000.invalid"));
            message.To.Add(MailboxAddress.Parse($"nu{i:00000}@banc.test"));
            message.Subject = "Lettre de novembre";
            message.Body = new BodyBuilder { HtmlBody = "<h1>Rencontre de décembre</h1><p>Venez <strong>nombreux</strong>.</p>", TextBody = "Rencontre de décembre\n\nVenez nombreux." }.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(true);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Rate, int Received)> NewsletterAsync(int port, int count, int batchSize, SimpleSmtpServer sink)
    {
        var data = PortalFactory.NewDataDirectory();
        using var factory = new PortalFactory(data, new Dictionary<string, string?>
        {
            ["Portal:Mail:Mode"] = "Smtp",
            ["Portal:Mail:Smtp:Host"] = "127.0.0.1",
            ["Portal:Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Portal:Mail:Smtp:Security"] = "None",
            ["Portal:Newsletters:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["Portal:Jobs:Server"] = "false",
        });
        Guid newsletterId;
        using (var scope = factory.Services.CreateScope())
        {
            var clubs = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
            var club = new Club { Name = "Club du banc d’essai", Description = "Banc", DepartementCode = "35", ReferentContacts = "Préfecture", ContactEmail = "club@banc.test", Status = ClubStatus.Active, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "banc" };
            clubs.Clubs.Add(club);
            await clubs.SaveChangesAsync();
            var db = scope.ServiceProvider.GetRequiredService<NewslettersDbContext>();
            db.Subscribers.AddRange(Enumerable.Range(0, count).Select(i => new Subscriber
            {
                ClubId = club.Id, Email = $"abonne{i:00000}@banc.test", Status = SubscriberStatus.Confirmed, ConsentAtUtc = DateTime.UtcNow, ConsentIp = "127.0.0.1", ConsentForm = "banc", ConfirmedAtUtc = DateTime.UtcNow,
            }));
            var newsletter = new Newsletter { ClubId = club.Id, Subject = "Lettre de novembre", Body = "# Rencontre de décembre\n\nVenez **nombreux**.", Status = NewsletterStatus.Queued, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, CreatedBy = "banc" };
            db.Newsletters.Add(newsletter);
            await db.SaveChangesAsync();
            newsletterId = newsletter.Id;
        }

        var watch = Stopwatch.StartNew();
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().RunAsync(newsletterId, CancellationToken.None);
        }

        watch.Stop();
        var received = sink.ReceivedEmailCount;
        PortalFixture.TryDelete(data);
        return (count / watch.Elapsed.TotalSeconds, received);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
