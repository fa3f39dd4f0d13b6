using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Clubs",
    Name = "Clubs départementaux",
    Description = "Clubs d’entreprises par département : adhésions, rencontres (ODJ, compte rendu, décisions), calendriers iCalendar et tableau de bord des animateurs.",
    Dependencies = ["Companies", "Referentials"])]
