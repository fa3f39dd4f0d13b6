using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Portal.Abstractions.Mail;

public sealed record MailRecord(long Id, DateTimeOffset SentAt, string Recipient, string Template, string Subject, string Status, string ServerAnswer);

public sealed record MailLogQuery(string? Recipient = null, string? Template = null, string? Status = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

public sealed record MailLogPage(IReadOnlyList<MailRecord> Records, int Total, int Page, int PageSize)
{
    public int PageCount => Paging.CountPages(Total, PageSize);
}

/// <summary>Every mail the portal sent or tried to send, as recorded by <see cref="IMailSender"/>.</summary>
public interface IMailLog
{
    Task<MailLogPage> SearchAsync(MailLogQuery query, CancellationToken cancellationToken = default);
}
