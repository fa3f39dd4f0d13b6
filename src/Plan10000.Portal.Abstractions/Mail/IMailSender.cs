namespace Plan10000.Portal.Abstractions.Mail;

/// <summary>
/// A French mail with both parts; <see cref="Template"/> names the template it was made from, for the delivery record.
/// <see cref="Headers"/> are extra headers written as given (e.g. List-Unsubscribe, RFC 8058).
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Html, string Text, string Template, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// The fate of one mail. <see cref="Permanent"/>: the server refused it for good (5xx), sending it again would not help;
/// a failure that is not permanent (connection refused, 4xx) may be retried later.
/// </summary>
public sealed record MailDelivery(string To, bool Sent, string ServerAnswer, bool Permanent = false);

/// <summary>Sends a batch over one connection (SMTP) or writes it to the pickup folder. Call it from jobs, never inline in a request.</summary>
public interface IMailSender
{
    Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken);

    /// <summary>
    /// A sender for several batches in a row (a newsletter send) that keeps its SMTP connection open between them
    /// until disposed, and opens a new one when the server dropped it.
    /// </summary>
    IMailSession OpenSession();
}

/// <summary>Batches sent over one kept SMTP connection; every mail is recorded like those of <see cref="IMailSender.SendAsync"/>.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken);
}
