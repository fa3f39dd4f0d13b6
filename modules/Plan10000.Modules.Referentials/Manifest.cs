using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Referentials",
    Name = "Référentiels",
    Description = "Régions, départements, thématiques, publics, tailles et secteurs d’entreprise.")]
