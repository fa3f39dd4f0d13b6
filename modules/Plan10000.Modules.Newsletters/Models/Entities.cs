namespace Plan10000.Modules.Newsletters.Models;

/// <summary>Draft → queued (send now) or scheduled → sending → sent.</summary>
internal enum NewsletterStatus
{
    Draft = 0,
    Scheduled = 1,
    Queued = 2,
    Sending = 3,
    Sent = 4,
}

internal sealed class Newsletter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClubId { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>Markdown as the animator typed it; rendered and sanitized when shown or sent.</summary>
    public string Body { get; set; } = "";

    public NewsletterStatus Status { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>UTC, like every sortable time of the module (SQLite cannot sort DateTimeOffset).</summary>
    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? ScheduledAtUtc { get; set; }

    public DateTime? SendStartedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int RecipientCount { get; set; }
}

internal enum DeliveryStatus
{
    Pending = 0,

    /// <summary>Claimed by a batch being sent; a claim older than the timeout is taken back (crash mid-batch).</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,

    /// <summary>The recipient unsubscribed after the send started: never sent.</summary>
    Skipped = 4,
}

/// <summary>One recipient of one newsletter: the unit of the send, of its report and of the unsubscribe link.</summary>
internal sealed class Delivery
{
    public long Id { get; set; }

    public Guid NewsletterId { get; set; }

    public string Email { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastAnswer { get; set; }

    public Guid? ClaimId { get; set; }

    public DateTime? ClaimedAtUtc { get; set; }

    public DateTime? NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the link of this mail was used: the token cannot serve twice.</summary>
    public DateTime? UnsubscribedAtUtc { get; set; }
}

internal enum SubscriberStatus
{
    Pending = 0,
    Confirmed = 1,
    Unsubscribed = 2,
}

/// <summary>A public subscriber of a club's newsletter, with the proof of consent (time, address, form and its version).</summary>
internal sealed class Subscriber
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClubId { get; set; }

    public string Email { get; set; } = "";

    public SubscriberStatus Status { get; set; }

    public DateTime ConsentAtUtc { get; set; }

    public string ConsentIp { get; set; } = "";

    public string ConsentForm { get; set; } = "";

    public string ConsentText { get; set; } = "";

    /// <summary>Random value carried by the confirmation link; cleared once used, so the link serves once.</summary>
    public string? ConfirmNonce { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }

    public DateTime? UnsubscribedAtUtc { get; set; }
}

/// <summary>An address that asked to receive no more newsletters of a club, subscriber or member contact alike.</summary>
internal sealed class OptOut
{
    public long Id { get; set; }

    public Guid ClubId { get; set; }

    public string Email { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string Source { get; set; } = "";
}

internal static class Labels
{
    public static string Status(NewsletterStatus status) => status switch
    {
        NewsletterStatus.Draft => "Brouillon",
        NewsletterStatus.Scheduled => "Programmée",
        NewsletterStatus.Queued => "En attente d’envoi",
        NewsletterStatus.Sending => "Envoi en cours",
        NewsletterStatus.Sent => "Envoyée",
        _ => status.ToString(),
    };

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "En attente",
        DeliveryStatus.Sending => "En cours",
        DeliveryStatus.Sent => "Envoyé",
        DeliveryStatus.Failed => "Échec",
        DeliveryStatus.Skipped => "Désinscrit avant l’envoi",
        _ => status.ToString(),
    };
}
