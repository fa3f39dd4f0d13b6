namespace Plan10000.Portal.Abstractions.Settings;

/// <summary>Site-wide settings an administrator changes in the back office.</summary>
public sealed record SiteSettings
{
    public string PublicTheme { get; init; } = "Dsfr";
    public string AccessibilityStatus { get; init; } = "non conforme";
    public string ContactEmail { get; init; } = "";
    public string SiteName { get; init; } = "Plan 10 000 entreprises";

    /// <summary>Days the audit trail and the mail log are kept (RGPD retention).</summary>
    public int RetentionDays { get; init; } = 1095;
}

public interface ISiteSettings
{
    /// <summary>The current settings, served from a short-lived cache.</summary>
    SiteSettings Current { get; }

    Task SaveAsync(SiteSettings settings, CancellationToken cancellationToken);
}
