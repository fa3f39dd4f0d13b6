using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Content",
    Name = "Contenus",
    Description = "Pages, charte versionnée, fiches bonnes pratiques et dispositifs, actualités, médiathèque et kit territorial.",
    Dependencies = ["Referentials"])]
