namespace Plan10000.Portal.Abstractions.Mail;

/// <summary>A French mail with both parts; <see cref="Template"/> names the template it was made from, for the delivery record.</summary>
public sealed record OutgoingMail(string To, string Subject, string Html, string Text, string Template);

public sealed record MailDelivery(string To, bool Sent, string ServerAnswer);

/// <summary>Sends a batch over one connection (SMTP) or writes it to the pickup folder. Call it from jobs, never inline in a request.</summary>
public interface IMailSender
{
    Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken);
}
