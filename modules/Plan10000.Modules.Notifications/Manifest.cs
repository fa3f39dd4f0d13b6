using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Notifications",
    Name = "Notifications",
    Description = "Préférences de notification, synthèses quotidiennes ou hebdomadaires assemblées des sections des modules, rappels envoyés une seule fois.",
    Dependencies = [])]
