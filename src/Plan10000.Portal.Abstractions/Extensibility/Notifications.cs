namespace Plan10000.Portal.Abstractions.Extensibility;

/// <summary>The categories a user sets a digest frequency for (none / daily / weekly), one per kind of reader.</summary>
public static class DigestCategories
{
    /// <summary>Club animators: new members, join requests, upcoming meetings, members late in reporting.</summary>
    public const string Clubs = "clubs";

    /// <summary>Territorial referents: sign-ups waiting for approval, conventions to sign.</summary>
    public const string Territoire = "territoire";

    /// <summary>Anyone: new best-practice sheets and news.</summary>
    public const string Contenus = "contenus";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Clubs] = "Vie de mes clubs",
        [Territoire] = "Suivi de mes départements",
        [Contenus] = "Nouvelles fiches et actualités",
    };
}

/// <summary>
/// A reminder a module wants mailed once. <see cref="Key"/> names the occasion and the recipient
/// (e.g. « reunion-veille:{meetingId}:{email} »); the Notifications module sends each key at most once, whatever the retries.
/// </summary>
public sealed record DueReminder(
    string Key,
    string To,
    string Subject,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    string? ActionLabel = null,
    string? ActionUrl = null);

/// <summary>
/// Lets a module say which reminders are due now (meeting tomorrow, missing minutes, campaign due date, convention
/// expiry...). Called by the Notifications module's recurring job; must be cheap and side-effect free.
/// </summary>
public interface IReminderSource
{
    /// <summary>Short French name shown in the back office, e.g. « Rencontres de club ».</summary>
    string Name { get; }

    Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
