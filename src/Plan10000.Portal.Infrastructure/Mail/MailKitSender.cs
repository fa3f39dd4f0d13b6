using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plan10000.Portal.Infrastructure.Data;
using MimeKit;
using Plan10000.Portal.Abstractions.Mail;

namespace Plan10000.Portal.Infrastructure.Mail;

/// <summary>The "Portal:Mail" section (environment: Portal__Mail__...).</summary>
public sealed class MailOptions
{
    public string Mode { get; set; } = "Pickup";

    /// <summary>Defaults to {DataDirectory}/mail.</summary>
    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "ne-pas-repondre@plan10000.invalid";

    public string FromName { get; set; } = "Plan 10 000 entreprises";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "localhost";
        public int Port { get; set; } = 25;

        /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

        public string? User { get; set; }
        public string? Password { get; set; }
    }
}

internal sealed class MailLogRow
{
    public long Id { get; set; }
    /// <summary>UTC, see AuditRow.At.</summary>
    public DateTime SentAt { get; set; }
    public string Recipient { get; set; } = "";
    public string Template { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Status { get; set; } = "";
    public string ServerAnswer { get; set; } = "";
}

/// <summary>Every mail leaves a record: recipient, template, time, status and the server's answer.</summary>
internal sealed class MailKitSender(IOptions<MailOptions> options, TimeProvider clock, IServiceScopeFactory scopes) : IMailSender
{
    public async Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken)
    {
        await using var session = new Session(this);
        return await session.SendAsync(batch, cancellationToken);
    }

    public IMailSession OpenSession() => new Session(this);

    private MailOptions Settings => options.Value;

    private async Task RecordAsync(IReadOnlyList<OutgoingMail> batch, IReadOnlyList<MailDelivery> deliveries, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.MailLog.AddRange(batch.Zip(deliveries).Select(pair => new MailLogRow
        {
            SentAt = now,
            Recipient = pair.First.To,
            Template = pair.First.Template,
            Subject = pair.First.Subject.Length > 300 ? pair.First.Subject[..300] : pair.First.Subject,
            Status = pair.Second.Sent ? "envoyé" : "échec",
            ServerAnswer = pair.Second.ServerAnswer.Length > 1000 ? pair.Second.ServerAnswer[..1000] : pair.Second.ServerAnswer,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private MimeMessage Build(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        message.Headers.Add("X-Portal-Template", mail.Template);
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// One SMTP connection, opened at the first batch and kept for the next ones. A refused recipient is recorded and
    /// the batch goes on. When the connection fails (refused, dropped), the mails already accepted stay « sent » and
    /// only the others are failures, not permanent: a caller retrying them never sends one twice. A kept connection
    /// the server closed in between is reopened once before giving up.
    /// </summary>
    private sealed class Session(MailKitSender owner) : IMailSession
    {
        private SmtpClient? client;

        public async Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken)
        {
            var settings = owner.Settings;
            var messages = batch.Select(m => (Mail: m, Message: owner.Build(m, settings))).ToList();
            var deliveries = string.Equals(settings.Mode, "Smtp", StringComparison.OrdinalIgnoreCase)
                ? await SendSmtpAsync(messages, settings.Smtp, cancellationToken)
                : await WritePickupAsync(messages, settings.PickupDirectory!, cancellationToken);
            await owner.RecordAsync(batch, deliveries, cancellationToken);
            return deliveries;
        }

        public async ValueTask DisposeAsync()
        {
            if (client is { IsConnected: true })
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException)
                {
                    // The server went away first: nothing left to close politely.
                }
            }

            client?.Dispose();
            client = null;
        }

        private async Task<IReadOnlyList<MailDelivery>> SendSmtpAsync(List<(OutgoingMail Mail, MimeMessage Message)> messages, MailOptions.SmtpOptions smtp, CancellationToken cancellationToken)
        {
            var deliveries = new List<MailDelivery>();
            var reused = client is { IsConnected: true };
            while (true)
            {
                try
                {
                    if (client is not { IsConnected: true })
                    {
                        client?.Dispose();
                        client = new SmtpClient();
                        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
                        if (!string.IsNullOrEmpty(smtp.User))
                        {
                            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
                        }
                    }

                    foreach (var (mail, message) in messages.Skip(deliveries.Count))
                    {
                        try
                        {
                            var answer = await client.SendAsync(message, cancellationToken);
                            deliveries.Add(new MailDelivery(mail.To, true, answer));
                        }
                        catch (SmtpCommandException e)
                        {
                            deliveries.Add(new MailDelivery(mail.To, false, $"{(int)e.StatusCode} {e.Message}", (int)e.StatusCode >= 500));
                            if (!client.IsConnected)
                            {
                                break;
                            }
                        }
                    }

                    break;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException or SmtpProtocolException or SmtpCommandException)
                {
                    client?.Dispose();
                    client = null;
                    if (reused && deliveries.Count == 0)
                    {
                        reused = false; // the kept connection had expired: one fresh try
                        continue;
                    }

                    var answer = e is SmtpCommandException command ? $"{(int)command.StatusCode} {e.Message}" : e.Message;
                    deliveries.AddRange(messages.Skip(deliveries.Count).Select(m => new MailDelivery(m.Mail.To, false, answer)));
                    return deliveries;
                }
            }

            deliveries.AddRange(messages.Skip(deliveries.Count).Select(m => new MailDelivery(m.Mail.To, false, "connexion interrompue")));
            return deliveries;
        }
    }

    private static async Task<IReadOnlyList<MailDelivery>> WritePickupAsync(List<(OutgoingMail Mail, MimeMessage Message)> messages, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var deliveries = new List<MailDelivery>();
        foreach (var (mail, message) in messages)
        {
            // Written aside then moved, so a reader of the folder never sees half a message.
            var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file + ".tmp", cancellationToken);
            File.Move(file + ".tmp", file);
            deliveries.Add(new MailDelivery(mail.To, true, "pickup " + Path.GetFileName(file)));
        }

        return deliveries;
    }
}
