namespace Plan10000.Portal.Abstractions.Themes;

public sealed record ThemeDescriptor(string Id, string Name, string Description, ThemeKind Kind, bool StateBrand, string? BaseTheme = null);

public interface IThemeCatalog
{
    IReadOnlyList<ThemeDescriptor> Themes { get; }

    IEnumerable<ThemeDescriptor> PublicThemes => Themes.Where(t => t.Kind == ThemeKind.Public);

    /// <summary>The theme then its base themes, nearest first.</summary>
    IReadOnlyList<string> Chain(string id)
    {
        var chain = new List<string>();
        for (var theme = Find(id); theme is not null && !chain.Contains(theme.Id); theme = theme.BaseTheme is null ? null : Find(theme.BaseTheme))
        {
            chain.Add(theme.Id);
        }

        return chain;
    }

    ThemeDescriptor? Find(string id) => Themes.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
