using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Scoped: a referent acts only on the companies of their own départements (checked through IAccessScope).</summary>
    public const string ModerateCompanies = "ModerateCompanies";

    /// <summary>Scoped: name a company's dedicated State contact and answer its administrative problems, in one's départements.</summary>
    public const string AssistCompanies = "AssistCompanies";

    /// <summary>Scoped: read the fiches navettes of the approved companies of one's départements (the intermediation's information tool).</summary>
    public const string ViewFichesNavettes = "ViewFichesNavettes";

    /// <summary>Scoped: record that one contacted a company about a commitment.</summary>
    public const string RecordIntermediationContacts = "RecordIntermediationContacts";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ModerateCompanies, "Valider ou refuser les inscriptions d’entreprises de ses départements", "Companies", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
        new(AssistCompanies, "Désigner l’interlocuteur dédié des entreprises de ses départements et répondre à leurs problèmes administratifs", "Companies", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
        new(ViewFichesNavettes, "Consulter les fiches navettes des entreprises validées de ses départements", "Companies", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent, PortalRoles.IntermediationActor]),
        new(RecordIntermediationContacts, "Noter un contact avec une entreprise au sujet d’un engagement", "Companies", [PortalRoles.NationalAdmin, PortalRoles.IntermediationActor]),
    ];
}
