namespace Plan10000.Portal.Abstractions.Events.Settings;

/// <summary>Published after the site settings are saved (public theme, texts): every public page may look different.</summary>
public sealed record SiteSettingsChanged;
