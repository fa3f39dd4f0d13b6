namespace Plan10000.Portal.Abstractions.Navigation;

/// <summary>A back-office entry; shown only to users holding <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Title, string Url, string Permission, int Order = 100, string Section = "Pilotage");

/// <summary>Each module's AdminMenu.cs implements this.</summary>
public interface IAdminMenuContributor
{
    IEnumerable<AdminMenuItem> GetItems();
}

/// <summary>An entry of the public main navigation.</summary>
public sealed record MainNavigationItem(string Title, string Url, int Order = 100);

public interface IMainNavigationContributor
{
    IEnumerable<MainNavigationItem> GetItems();
}

/// <summary>The admin menu filtered for the current user.</summary>
public interface IAdminMenu
{
    Task<IReadOnlyList<AdminMenuItem>> GetItemsForCurrentUserAsync();
}
