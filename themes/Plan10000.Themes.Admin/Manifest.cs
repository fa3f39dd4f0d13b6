using Plan10000.Portal.Abstractions.Themes;

[assembly: PortalTheme(
    Id = "Admin",
    Name = "Administration",
    Description = "Mise en page de l’espace d’administration ; reprend les composants du thème Communauté.",
    Kind = ThemeKind.Admin,
    BaseTheme = "Communaute")]
