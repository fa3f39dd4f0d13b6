using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Companies",
    Name = "Entreprises engagées",
    Description = "Inscription des entreprises, charte, fiche navette, modération par les référents, vitrine publique et compteurs.",
    Dependencies = ["Referentials"])]
