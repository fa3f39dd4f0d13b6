using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Npgsql;
using Plan10000.Modules.Newsletters.Jobs;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Tests.Newsletters;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Jobs;

/// <summary>
/// Two real portal processes on one PostgreSQL: a Hangfire background job (a newsletter send, throttled so that it
/// lasts) runs on one instance longer than the invisibility timeout without the other taking it, then that instance is
/// killed with SIGKILL and the other instance takes the same job over within seconds and finishes it (ADR 0029).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class JobKillTests
{
    private const int Recipients = 300;

    private const int BatchSize = 20;

    private const int InvisibilitySeconds = 5;

    [SkippableFact]
    public async Task A_job_of_an_instance_killed_with_kill_9_resumes_on_the_other_and_is_never_taken_while_its_instance_lives()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("reprise");
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var settings = SmtpSettings(port, maxPerSecond: 20);
        settings["Portal:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Portal"] = database.ConnectionString;
        settings["Portal:Newsletters:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture);
        settings["Portal:Jobs:InvisibilityTimeoutSeconds"] = InvisibilitySeconds.ToString(CultureInfo.InvariantCulture);
        // Only Hangfire may bring the send back: the recurring pump, which also resumes unfinished sends, stays away.
        settings["Portal:Jobs:NewsletterPump"] = "0 0 1 1 *";

        // Migrated and filled in process, with no job server; it enqueues the send later, as the send form does.
        using var setup = new PortalFactory(settings: new Dictionary<string, string?>(settings) { ["Portal:Jobs:Server"] = "false" });
        var club = await AddClubAsync(setup, "35", "Club de Rennes");
        await AddSubscribersAsync(setup, club.Id, Recipients);
        var id = await AddNewsletterAsync(setup, club.Id, "Lettre de janvier");

        using var first = new PortalProcess("A", settings);
        using var second = new PortalProcess("B", settings);
        await Task.WhenAll(first.StartAsync(TimeSpan.FromMinutes(2)), second.StartAsync(TimeSpan.FromMinutes(2)));
        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();

        // The pump every start enqueues (setup, A, B) has run on a draft and found nothing to send.
        await WaitUntilAsync(async () => await ScalarAsync<bool>(db, "SELECT count(*) = 3 AND bool_and(statename = 'Succeeded') FROM hangfire.job WHERE invocationdata::text LIKE '%NewsletterPumpJob%'"), TimeSpan.FromSeconds(30), "les trois reprises au démarrage terminées");
        await WithDbAsync(setup, d => d.Newsletters.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NewsletterStatus.Queued)));
        var job = long.Parse(setup.Services.GetRequiredService<IBackgroundJobs>().Enqueue<NewsletterSendJob>(j => j.RunAsync(id, CancellationToken.None)), CultureInfo.InvariantCulture);

        await WaitUntilAsync(() => Task.FromResult(smtp.ReceivedEmailCount > 0), TimeSpan.FromSeconds(30), "premières lettres reçues");
        var running = Stopwatch.StartNew();
        await WaitUntilAsync(() => Task.FromResult(running.Elapsed > TimeSpan.FromSeconds(2 * InvisibilitySeconds) && smtp.ReceivedEmailCount >= Recipients / 2), TimeSpan.FromSeconds(40), "la moitié des lettres reçues");

        // Twice the invisibility timeout into the job, its instance alive: nobody else has taken it.
        var before = await ProcessingServersAsync(db, job);
        Assert.Single(before);
        Assert.Equal(smtp.ReceivedEmailCount, DistinctRecipients(smtp));
        var victim = new[] { first, second }.Single(p => ServerPid(before[0]) == p.ProcessId);
        var survivor = victim == first ? second : first;
        var survivorPid = survivor.ProcessId;
        victim.Kill();
        var killed = Stopwatch.StartNew();

        await WaitUntilAsync(async () => (await ProcessingServersAsync(db, job)).Count > 1, TimeSpan.FromSeconds(30), "la tâche reprise par l'autre instance");
        var resumedAfter = killed.Elapsed;
        await WaitUntilAsync(async () => await ScalarAsync<string>(db, $"SELECT statename FROM hangfire.job WHERE id = {job}") == "Succeeded", TimeSpan.FromSeconds(40), "la tâche terminée");

        var after = await ProcessingServersAsync(db, job);
        var received = smtp.ReceivedEmailCount;
        Assert.True(resumedAfter < TimeSpan.FromSeconds(4 * InvisibilitySeconds), $"reprise après {resumedAfter}");
        Assert.Equal(2, after.Count);
        Assert.Equal(survivorPid, ServerPid(after[1]));
        Assert.Equal(Recipients, DistinctRecipients(smtp));
        Assert.True(received - Recipients <= BatchSize, $"{received - Recipients} doublons (au plus le lot en cours, {BatchSize})");
        Assert.Equal(NewsletterStatus.Sent, await StatusAsync(setup, id));
        Assert.Equal(Recipients, await WithDbAsync(setup, d => d.Deliveries.CountAsync(x => x.NewsletterId == id && x.Status == DeliveryStatus.Sent)));
    }

    /// <summary>The server of each « Processing » state of the job, oldest first.</summary>
    private static async Task<List<string>> ProcessingServersAsync(NpgsqlConnection db, long job)
    {
        await using var command = new NpgsqlCommand("SELECT data::text FROM hangfire.state WHERE jobid = @job AND name = 'Processing' ORDER BY id", db);
        command.Parameters.AddWithValue("job", job);
        var servers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var data = JsonDocument.Parse(reader.GetString(0));
            servers.Add(data.RootElement.GetProperty("ServerId").GetString()!);
        }

        return servers;
    }

    /// <summary>Hangfire names a server « name:pid:guid ».</summary>
    private static int ServerPid(string serverId) => int.Parse(serverId.Split(':')[^2], CultureInfo.InvariantCulture);

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }
}
