using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Notifications.Jobs;
using Plan10000.Modules.Notifications.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Notifications.NotificationsTests;

namespace Plan10000.Portal.Tests.Notifications;

/// <summary>Two portal instances on one PostgreSQL database run the same occurrence of the recurring jobs at once.</summary>
public sealed class NotificationsPostgreSqlTests
{
    [SkippableFact]
    public async Task Two_instances_running_the_same_occurrence_send_each_digest_and_reminder_once()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("notifications");
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        };
        using var first = new PortalFactory(settings: settings);
        _ = first.Services;
        using var second = new PortalFactory(settings: settings);
        _ = second.Services;
        var referents = Enumerable.Range(0, 20).Select(i => $"referent{i}.{Guid.NewGuid():N}@test.gouv.fr").ToList();
        foreach (var referent in referents)
        {
            await Clubs.ClubsScenarioSupport.CreateAccountAsync(first, referent, PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "35"));
        }

        await AddCompanyAsync(first, "Biscuiterie de Rennes", "35000", CompanyStatus.Pending);
        var signups = Enumerable.Range(0, 20).Select(i => $"signup{i}.{Guid.NewGuid():N}@entreprise.test").ToList();
        foreach (var email in signups)
        {
            await Clubs.ClubsScenarioSupport.CreateAccountAsync(first, email, PortalRoles.Company);
            var userId = await UserIdAsync(first, email);
            await WithDbAsync(first, async db =>
            {
                db.Drafts.Add(new SignupDraft { UserId = userId, Step = 2, PayloadJson = "{}", UpdatedAt = DateTimeOffset.UtcNow.AddDays(-2).AddHours(-1) });
                return await db.SaveChangesAsync();
            });
        }

        await Task.WhenAll(
            RunDigestAsync(first, DigestFrequency.Daily), RunDigestAsync(second, DigestFrequency.Daily),
            RunRemindersAsync(first), RunRemindersAsync(second));

        foreach (var referent in referents)
        {
            Assert.Equal(1, await MailsAsync(first, referent, DigestJob.Template));
        }

        foreach (var email in signups)
        {
            Assert.Equal(1, await MailsAsync(first, email, ReminderJob.Template));
        }

        PortalFixture.TryDelete(first.DataDirectory);
        PortalFixture.TryDelete(second.DataDirectory);
    }
}
