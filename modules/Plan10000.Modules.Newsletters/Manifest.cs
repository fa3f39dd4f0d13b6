using Plan10000.Portal.Abstractions.Modules;

[assembly: PortalModule(
    Id = "Newsletters",
    Name = "Lettres d’information des clubs",
    Description = "Lettres d’information des clubs : rédaction en Markdown par l’animateur, abonnements publics avec double consentement, envoi par lots reprenable, suivi et archive publique.",
    Dependencies = ["Clubs", "Content"])]
