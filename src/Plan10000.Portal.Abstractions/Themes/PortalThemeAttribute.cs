namespace Plan10000.Portal.Abstractions.Themes;

public enum ThemeKind
{
    Public,
    Admin,
}

/// <summary>Marks an assembly as a theme. Its views live under <c>/Themes/{Id}/Views</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PortalThemeAttribute : Attribute
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public ThemeKind Kind { get; init; } = ThemeKind.Public;

    /// <summary>True when the theme carries the State brand (Marianne, DSFR), reserved to State services.</summary>
    public bool StateBrand { get; init; }

    /// <summary>A theme whose views this one falls back to (Orchard's base theme): it then only overrides what differs.</summary>
    public string? BaseTheme { get; init; }
}
