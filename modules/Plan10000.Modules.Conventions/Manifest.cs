using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Conventions",
    Name = "Conventions",
    Description = "Conventions État–club (agrégats figés à la signature, avenants, document imprimable), conventions PAQTE par axe, chartes « entreprises et quartiers », bilan semestriel départemental et échéances.",
    Dependencies = ["Referentials", "Companies", "Clubs"])]
