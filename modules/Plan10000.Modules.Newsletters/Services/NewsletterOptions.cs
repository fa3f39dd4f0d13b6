namespace Plan10000.Modules.Newsletters.Services;

/// <summary>The "Portal:Newsletters" section (environment: Portal__Newsletters__...).</summary>
internal sealed class NewsletterOptions
{
    /// <summary>Recipients claimed and sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Batches of one send in flight at once, each over its own SMTP connection; a crash may re-send that many batches.</summary>
    public int Connections { get; set; } = 1;

    /// <summary>Upper bound of mails per second for one send; 0 means no limit.</summary>
    public double MaxPerSecond { get; set; }

    /// <summary>Tries for a recipient whose failure is not permanent (connection refused, 4xx) before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubled at each attempt.</summary>
    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>A batch claimed longer ago than this is taken back (the instance sending it stopped mid-batch).</summary>
    public double ClaimTimeoutSeconds { get; set; } = 300;

    /// <summary>A send waits in its job for retries due within this delay; later ones are left to the recurring pump.</summary>
    public double MaxInlineWaitSeconds { get; set; } = 60;
}
