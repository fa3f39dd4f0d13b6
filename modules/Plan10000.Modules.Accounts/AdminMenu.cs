using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Accounts;

/// <summary>User management pages arrive with Foundation 2; the module declares its permission already.</summary>
internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [];
}
