using Plan10000.Portal.Abstractions.Themes;

[assembly: PortalTheme(
    Id = "Dsfr",
    Name = "Système de design de l’État (DSFR)",
    Description = "Thème public par défaut, aux couleurs de l’État. Réservé aux sites de l’État (voir docs/adr/0004).",
    Kind = ThemeKind.Public,
    StateBrand = true)]
