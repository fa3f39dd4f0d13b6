using Plan10000.Portal.Abstractions.Themes;

[assembly: PortalTheme(
    Id = "Communaute",
    Name = "Communauté (marque neutre)",
    Description = "Thème public sans la marque de l’État ni aucun fichier du DSFR, pour un opérateur qui n’est pas un service de l’État.",
    Kind = ThemeKind.Public)]
