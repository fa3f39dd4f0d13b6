using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Newsletters;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Lettres d’information", "/admin/lettres", Permissions.ManageNewsletters, 310, "Clubs")];
}
