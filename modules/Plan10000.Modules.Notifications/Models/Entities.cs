namespace Plan10000.Modules.Notifications.Models;

internal enum DigestFrequency
{
    None = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>A user's choice for one digest category; no row means the default of their roles.</summary>
internal sealed class Preference
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Category { get; set; } = "";

    public DigestFrequency Frequency { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// The ledger of digests: one row per user, frequency and period (« 2026-11-26 », « 2026-W48 »), inserted before the
/// mail is built. The unique key makes a second instance, a retry or a re-run skip it.
/// </summary>
internal sealed class DigestRun
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DigestFrequency Frequency { get; set; }

    public string Period { get; set; } = "";

    public DateTime ClaimedAtUtc { get; set; }

    /// <summary>« envoyé », « rien à dire », « échec ».</summary>
    public string Outcome { get; set; } = "";

    public int Sections { get; set; }
}

/// <summary>The ledger of reminders: the key is unique, the row is claimed before sending, so a key is mailed once.</summary>
internal sealed class ReminderRecord
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public string Source { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTime ClaimedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>« en cours », « envoyé », « échec ».</summary>
    public string Outcome { get; set; } = "";

    public string? ServerAnswer { get; set; }
}

internal static class Frequencies
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Options =
    [
        new(nameof(DigestFrequency.None), "Jamais"),
        new(nameof(DigestFrequency.Daily), "Chaque jour"),
        new(nameof(DigestFrequency.Weekly), "Chaque semaine"),
    ];
}
