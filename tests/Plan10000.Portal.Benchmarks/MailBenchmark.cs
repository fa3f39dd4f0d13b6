using System.Diagnostics;
using System.Globalization;
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
/// headers, delivery rows, mail log) against a bare MailKit loop over one connection sending the same message (same
/// HTML and text parts, same headers, a token of the same length), both to the same local SMTP sink (netDumbster in
/// process). One long run each, timed with a stopwatch: a 10,000-mail send is its own repetition, BenchmarkDotNet's
/// iterations would only multiply it. After a warm-up pass, the bare loop runs before and after the portal's send; their mean is the reference.
/// </summary>
internal static class MailBenchmark
{
    public static async Task<string> RunAsync(int count, int batchSize)
    {
        var port = Ports.Free();
        using var sink = SimpleSmtpServer.Start(port);
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
        var mails = factory.Services.GetRequiredService<NewsletterMails>();
        var sample = NewsletterMails.Compose(
            mails.Prepare(Subject, ClubName, Body), "modele@banc.test", mails.UnsubscribeUrl(factory.Services.GetRequiredService<NewsletterTokens>().ForUnsubscribe(123_456)));
        await BareLoopAsync(port, Math.Min(count, 1000), sample); // warm-up (JIT of MimeKit, MailKit and the sink), not counted
        sink.ClearReceivedEmail();
        var bareFirst = await BareLoopAsync(port, count, sample);
        sink.ClearReceivedEmail();
        var (portal, received) = await NewsletterAsync(factory, count, sink);
        sink.ClearReceivedEmail();
        var bareSecond = await BareLoopAsync(port, count, sample);
        var bare = (bareFirst + bareSecond) / 2;
        PortalFixture.TryDelete(data);
        var lines = string.Join(Environment.NewLine,
            $"Courriels : {count} ; lots de {batchSize} ; message de {sample.Html.Length + sample.Text.Length} caractères (HTML + texte)",
            $"Boucle MailKit nue (une connexion, même message) : {bareFirst:F0} avant, {bareSecond:F0} après, moyenne {bare:F0} messages/s",
            $"Lettre d’information du portail : {portal:F0} messages/s ({received} reçus par le serveur)",
            $"Rapport : {portal / bare:P0} de la boucle nue (objectif : au moins 50 %)");
        Console.WriteLine(lines);
        return lines;
    }

    private const string Subject = "Lettre de novembre";
    private const string ClubName = "Club du banc d’essai";
    private const string Body = "# Rencontre de décembre\n\nVenez **nombreux** : la rencontre se tient à la préfecture, avec deux entreprises qui présentent leurs parcours d’apprentissage.\n\n- Accueil à 9 h\n- Tour de table\n- Visite de l’atelier";

    private static async Task<double> BareLoopAsync(int port, int count, Plan10000.Portal.Abstractions.Mail.OutgoingMail sample)
    {
        var watch = Stopwatch.StartNew();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("Plan 10 000 entreprises", "ne-pas-repondre@plan10000.invalid"));
            message.To.Add(MailboxAddress.Parse($"nu{i:00000}@banc.test"));
            message.Subject = sample.Subject;
            message.Date = DateTimeOffset.UtcNow;
            message.Headers.Add("X-Portal-Template", sample.Template);
            foreach (var (name, value) in sample.Headers!)
            {
                message.Headers.Add(name, value);
            }

            message.Body = new BodyBuilder { HtmlBody = sample.Html, TextBody = sample.Text }.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(true);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Rate, int Received)> NewsletterAsync(PortalFactory factory, int count, SimpleSmtpServer sink)
    {
        Guid newsletterId;
        using (var scope = factory.Services.CreateScope())
        {
            var clubs = scope.ServiceProvider.GetRequiredService<ClubsDbContext>();
            var club = new Club { Name = ClubName, Description = "Banc", DepartementCode = "35", ReferentContacts = "Préfecture", ContactEmail = "club@banc.test", Status = ClubStatus.Active, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "banc" };
            clubs.Clubs.Add(club);
            await clubs.SaveChangesAsync();
            var db = scope.ServiceProvider.GetRequiredService<NewslettersDbContext>();
            db.Subscribers.AddRange(Enumerable.Range(0, count).Select(i => new Subscriber
            {
                ClubId = club.Id, Email = $"abonne{i:00000}@banc.test", Status = SubscriberStatus.Confirmed, ConsentAtUtc = DateTime.UtcNow, ConsentIp = "127.0.0.1", ConsentForm = "banc", ConfirmedAtUtc = DateTime.UtcNow,
            }));
            var newsletter = new Newsletter { ClubId = club.Id, Subject = Subject, Body = Body, Status = NewsletterStatus.Queued, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, CreatedBy = "banc" };
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
        return (count / watch.Elapsed.TotalSeconds, received);
    }

}
