using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Companies;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Entreprises à valider", "/admin/entreprises", Permissions.ModerateCompanies, 200, "Entreprises"),
        new("Problèmes administratifs", "/admin/entreprises/problemes", Permissions.AssistCompanies, 210, "Entreprises"),
        new("Fiches navettes", "/admin/fiches-navettes", Permissions.ViewFichesNavettes, 220, "Entreprises"),
    ];
}
