using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Indicators",
    Name = "Indicateurs et tableaux de bord",
    Description = "Indicateurs de pilotage (cibles nationales, intentions, résultats), campagnes de remontée, consolidation département → région → nation, tableaux de bord, rapport trimestriel et données ouvertes.",
    Dependencies = ["Referentials", "Companies", "Clubs"])]
