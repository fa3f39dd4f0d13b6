using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Accounts",
    Name = "Comptes et rôles",
    Description = "Comptes, connexion, rôles et périmètres départementaux.")]
