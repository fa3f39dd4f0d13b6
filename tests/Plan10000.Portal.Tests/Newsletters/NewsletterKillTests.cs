using netDumbster.smtp;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>
/// Two real portal processes on one PostgreSQL database send a 2,000-recipient newsletter to a real SMTP sink while
/// one or the other is killed with SIGKILL five times mid-send and started again: every recipient receives the letter,
/// and a kill costs at most the batch that instance had claimed (ADR 0012).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NewsletterKillTests
{
    private const int Recipients = 2000;

    private const int BatchSize = 50;

    private const int Kills = 5;

    [SkippableFact]
    public async Task Five_kill_9_during_a_send_lose_no_recipient_and_duplicate_at_most_one_batch_each()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("tuer");
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var settings = SmtpSettings(port, maxPerSecond: 20);
        settings["Portal:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Portal"] = database.ConnectionString;
        settings["Portal:Newsletters:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Migrated and filled in process, with no job server, then handed over to the two processes.
        Guid id;
        using (var setup = new PortalFactory(settings: new Dictionary<string, string?>(settings) { ["Portal:Jobs:Server"] = "false" }))
        {
            var club = await AddClubAsync(setup, "35", "Club de Rennes");
            await AddSubscribersAsync(setup, club.Id, Recipients);
            id = await AddNewsletterAsync(setup, club.Id, "Lettre de décembre", NewsletterStatus.Queued);
            PortalFixture.TryDelete(setup.DataDirectory);
        }

        using var first = new PortalProcess("A", settings);
        using var second = new PortalProcess("B", settings);
        await Task.WhenAll(first.StartAsync(TimeSpan.FromMinutes(2)), second.StartAsync(TimeSpan.FromMinutes(2)));
        var instances = new[] { first, second };

        for (var kill = 0; kill < Kills; kill++)
        {
            var threshold = (kill + 1) * Recipients / (Kills + 2);
            await WaitUntilAsync(() => Task.FromResult(smtp.ReceivedEmailCount >= threshold), TimeSpan.FromMinutes(2), $"{threshold} lettres reçues");
            var victim = instances[kill % 2];
            victim.Kill();
            await victim.StartAsync(TimeSpan.FromMinutes(2));
        }

        await WaitUntilAsync(() => Task.FromResult(DistinctRecipients(smtp) >= Recipients), TimeSpan.FromMinutes(3), "tous les destinataires servis");
        await using var db = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        await using var status = new Npgsql.NpgsqlCommand("SELECT \"Status\" FROM \"Newsletters_Newsletters\" WHERE \"Id\" = @id", db);
        status.Parameters.AddWithValue("id", id);
        var sent = nameof(NewsletterStatus.Sent);
        for (var i = 0; i < 40 && (string?)await status.ExecuteScalarAsync() != sent; i++)
        {
            await Task.Delay(250);
        }

        var received = smtp.ReceivedEmailCount;
        Assert.Equal(Recipients, DistinctRecipients(smtp));
        Assert.True(received - Recipients <= Kills * BatchSize, $"{received - Recipients} doublons pour {Kills} arrêts brutaux (au plus {Kills * BatchSize})");
        Assert.Equal(sent, (string?)await status.ExecuteScalarAsync());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Processus";
}
