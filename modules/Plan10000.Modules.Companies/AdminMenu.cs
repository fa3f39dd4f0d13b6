using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Companies;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Entreprises à valider", "/admin/entreprises", Permissions.ModerateCompanies, 200, "Entreprises")];
}
