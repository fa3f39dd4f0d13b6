using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Queries.Content;

namespace Plan10000.Modules.Newsletters.ViewModels;

public sealed class NewsletterForm
{
    public Guid ClubId { get; set; }

    [Required(ErrorMessage = "Indiquez l’objet de la lettre.")]
    [StringLength(200, ErrorMessage = "L’objet tient en 200 caractères au plus.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Rédigez le contenu de la lettre.")]
    [StringLength(20000, ErrorMessage = "Le contenu tient en 20 000 caractères au plus.")]
    public string Body { get; set; } = "";
}

public sealed class SendForm
{
    /// <summary>Empty: send now; otherwise a Paris date and time.</summary>
    public string? Date { get; set; }

    public string? Time { get; set; }

    /// <summary>The sender ticked « I confirm »: a send cannot be taken back.</summary>
    public bool Confirm { get; set; }
}

public sealed class SubscribeForm
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse tient en 256 caractères au plus.")]
    public string Email { get; set; } = "";

    public bool Consent { get; set; }
}

public sealed record ClubChoice(Guid Id, string Name);

public sealed record NewsletterRow(Guid Id, string ClubName, string Subject, string Status, string Date);

public sealed record AdminIndexViewModel(IReadOnlyList<ClubChoice> Clubs, IReadOnlyList<NewsletterRow> Newsletters);

public sealed record EditViewModel(NewsletterForm Form, string ClubName, IReadOnlyList<MediaImageInfo> Images);

public sealed record ShowViewModel(
    Guid Id,
    Guid ClubId,
    string ClubName,
    string Subject,
    string Status,
    bool IsDraft,
    bool IsSending,
    string PreviewHtml,
    NewsletterForm Form,
    IReadOnlyList<MediaImageInfo> Images,
    int Total,
    int Sent,
    int Failed,
    int Pending,
    int Skipped,
    IReadOnlyList<IReadOnlyList<string>> Failures,
    string? ScheduledAt,
    SendForm Send,
    NewsletterAudience Audience);

/// <summary>Who a draft would reach if sent now: the member companies' addresses and the confirmed subscribers (each address once, opt-outs left out).</summary>
public sealed record NewsletterAudience(int Members, int Subscribers)
{
    public int Total => Members + Subscribers;

    public string Sentence => $"Cette lettre partira vers {Count(Total, "destinataire", "destinataires")} : "
        + $"{Count(Members, "adresse d’entreprise membre", "adresses d’entreprises membres")} et {Count(Subscribers, "abonné confirmé", "abonnés confirmés")}.";

    private static string Count(int n, string one, string many) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n > 1 ? many : one);
}

public sealed record PublicClubLetter(Guid ClubId, string Name, IReadOnlyList<(Guid Id, string Subject, string Date)> Archive);

public sealed record PublicIndexViewModel(string DepartementCode, IReadOnlyList<PublicClubLetter> Clubs, Guid? FormClubId, SubscribeForm Form);

public sealed record ArchiveViewModel(string DepartementCode, Guid ClubId, string ClubName, string Subject, string Date, string Html);

public sealed record MessageViewModel(string Title, string Message, bool Error);

public sealed record UnsubscribeViewModel(string Token, string ClubName, string Email);

public sealed record ConfirmViewModel(string Token, string ClubName, string Email);
