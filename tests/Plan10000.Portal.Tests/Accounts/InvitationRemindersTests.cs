using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Notifications.Jobs;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Notifications.NotificationsTests;

namespace Plan10000.Portal.Tests.Accounts;

/// <summary>What the Accounts module hands the Notifications module: invitations about to expire (issue 8, item 7).</summary>
public sealed class InvitationRemindersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<string> InviteAsync(string email, TimeSpan age, string? password = null)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Invitée " + email[..6], CreatedAt = DateTimeOffset.UtcNow - age };
        Assert.True((password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.IntermediationActor)).Succeeded);
        return user.Id;
    }

    private static string NewEmail(string prefix) => $"{prefix}.{Guid.NewGuid():N}@invitation.test";

    [Fact]
    public async Task An_invitation_about_to_expire_is_reminded_once_with_a_working_activation_link()
    {
        var expiring = NewEmail("bientot");
        var fresh = NewEmail("recente");
        var expired = NewEmail("expiree");
        var accepted = NewEmail("acceptee");
        var expiringId = await InviteAsync(expiring, TimeSpan.FromHours(20));
        await InviteAsync(fresh, TimeSpan.FromHours(1));
        await InviteAsync(expired, TimeSpan.FromHours(30));
        await InviteAsync(accepted, TimeSpan.FromHours(20), PortalFactory.AdminPassword);
        var ours = new[] { expiring, fresh, expired, accepted };

        using (var scope = Factory.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IReminderSource>().Single(s => s.Name == "Invitations");
            var due = (await source.GetDueAsync(DateTimeOffset.UtcNow, default)).Where(r => ours.Contains(r.To)).ToList();

            var reminder = Assert.Single(due);
            Assert.Equal($"invitation-expire:{expiringId}", reminder.Key);
            Assert.Equal(expiring, reminder.To);
            Assert.StartsWith($"http://localhost/compte/reinitialiser-mot-de-passe?uid={expiringId}&token=", reminder.ActionUrl);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var token = Uri.UnescapeDataString(reminder.ActionUrl!.Split("&token=")[1]);
            Assert.True(await users.VerifyUserTokenAsync((await users.FindByIdAsync(expiringId))!, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token));
        }

        await RunRemindersAsync(Factory);
        await RunRemindersAsync(Factory);

        Assert.Equal(1, await MailsAsync(Factory, expiring, ReminderJob.Template));
        Assert.Equal(0, await MailsAsync(Factory, fresh, ReminderJob.Template));
        Assert.Equal(0, await MailsAsync(Factory, expired, ReminderJob.Template));
        Assert.Equal(0, await MailsAsync(Factory, accepted, ReminderJob.Template));
    }
}
