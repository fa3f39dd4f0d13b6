using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Notifications.Jobs;
using Plan10000.Modules.Notifications.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Notifications;

/// <summary>Digests and reminders, read back from the mail log (pickup mode) and the ledgers.</summary>
public sealed class NotificationsTests : IClassFixture<PortalFixture>
{
    private readonly PortalFactory factory;

    public NotificationsTests(PortalFixture fixture) => factory = fixture.Factory;

    internal static async Task<int> RunDigestAsync(PortalFactory portal, DigestFrequency frequency)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(frequency);
    }

    internal static async Task<int> RunRemindersAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync();
    }

    internal static async Task<int> MailsAsync(PortalFactory portal, string to, string template)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CountMailsAsync(to, template, CancellationToken.None);
    }

    [Fact]
    public async Task A_referent_gets_one_daily_digest_of_pending_sign_ups_and_nothing_when_there_is_nothing_to_say()
    {
        var departement = "2A";
        var busy = $"referent.{Guid.NewGuid():N}@test.gouv.fr";
        var idle = $"referent.{Guid.NewGuid():N}@test.gouv.fr";
        var optedOut = $"referent.{Guid.NewGuid():N}@test.gouv.fr";
        await Clubs.ClubsScenarioSupport.CreateAccountAsync(factory, busy, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, departement));
        await Clubs.ClubsScenarioSupport.CreateAccountAsync(factory, idle, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "2B"));
        var company = await AddCompanyAsync(factory, "Charcuterie d’Ajaccio " + Guid.NewGuid().ToString("N")[..4], "20000", CompanyStatus.Pending);
        var client = await factory.CreateUserClientAsync(optedOut, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, departement));
        var saved = await PortalFactory.PostFormAsync(client, "/mon-compte/notifications", "/mon-compte/notifications",
            new() { ["clubs"] = "None", ["territoire"] = "None", ["contenus"] = "Weekly" });
        var invalid = await PortalFactory.PostFormAsync(client, "/mon-compte/notifications", "/mon-compte/notifications",
            new() { ["clubs"] = "Hourly", ["territoire"] = "None", ["contenus"] = "Weekly" });

        await RunDigestAsync(factory, DigestFrequency.Daily);
        await RunDigestAsync(factory, DigestFrequency.Daily);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Choisissez « Jamais »", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));
        Assert.Equal(1, await MailsAsync(factory, busy, DigestJob.Template));
        Assert.Equal(0, await MailsAsync(factory, idle, DigestJob.Template));
        Assert.Equal(0, await MailsAsync(factory, optedOut, DigestJob.Template));
        var file = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(b => b.Address == busy));
        Assert.Contains(company.Name, file.TextBody);
        Assert.Contains(company.Name, WebUtility.HtmlDecode(file.HtmlBody));
    }

    [Fact]
    public async Task A_sign_up_left_half_way_is_reminded_once_whatever_the_runs()
    {
        var email = $"inscription.{Guid.NewGuid():N}@entreprise.test";
        await Clubs.ClubsScenarioSupport.CreateAccountAsync(factory, email, PortalRoles.Company);
        var userId = await UserIdAsync(factory, email);
        await WithDbAsync(factory, async db =>
        {
            db.Drafts.Add(new SignupDraft { UserId = userId, Step = 3, PayloadJson = "{}", UpdatedAt = DateTimeOffset.UtcNow.AddDays(-3) });
            return await db.SaveChangesAsync();
        });

        await RunRemindersAsync(factory);
        await RunRemindersAsync(factory);

        Assert.Equal(1, await MailsAsync(factory, email, ReminderJob.Template));
        var page = WebUtility.HtmlDecode(await (await factory.CreateAdminClientAsync()).GetStringAsync("/admin/rappels"));
        Assert.Contains(email, page);
    }

    [Fact]
    public async Task A_weekly_reader_of_contents_gets_the_new_best_practice_sheets()
    {
        var reader = $"lecteur.{Guid.NewGuid():N}@entreprise.test";
        var title = "Tutorat des apprentis " + Guid.NewGuid().ToString("N")[..6];
        var client = await factory.CreateUserClientAsync(reader, PortalRoles.Company);
        var saved = await PortalFactory.PostFormAsync(client, "/mon-compte/notifications", "/mon-compte/notifications",
            new() { ["clubs"] = "None", ["territoire"] = "None", ["contenus"] = "Weekly" });
        await Content.ContentSeed.PublishAsync(factory, Plan10000.Modules.Content.Models.ContentKind.BonnePratique, title, "Un tuteur par apprenti.");

        await RunDigestAsync(factory, DigestFrequency.Daily);
        var afterDaily = await MailsAsync(factory, reader, DigestJob.Template);
        await RunDigestAsync(factory, DigestFrequency.Weekly);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, afterDaily);
        Assert.Equal(1, await MailsAsync(factory, reader, DigestJob.Template));
        var mail = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(b => b.Address == reader));
        Assert.Equal("Votre synthèse de la semaine", mail.Subject);
        Assert.Contains(title, mail.TextBody);
        Assert.Contains("http://localhost/ressources/bonnes-pratiques/", mail.TextBody);
    }

    internal static async Task<string> UserIdAsync(PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Plan10000.Portal.Abstractions.Queries.Accounts.IAccountProvisioning>().FindUserIdAsync(email, CancellationToken.None))!;
    }
}
