using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Clubs.ViewModels;

public sealed record ClubsIndexViewModel(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Links, int WithClub, int Total);

public sealed record MeetingView(Guid Id, string Title, string When, string? Place, string? VideoUrl, string Agenda, int Registered, int Capacity, bool IsRegistered, bool CanRegister, string IcsUrl, string? Minutes, IReadOnlyList<string> Decisions, bool Cancelled = false);

public sealed record ClubView(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<KeyValuePair<string, string>> Rows,
    IReadOnlyList<string> PublicMembers,
    IReadOnlyList<MeetingView> Upcoming,
    IReadOnlyList<MeetingView> Past,
    string JoinState);

public sealed record DepartementClubsViewModel(string Code, string Name, IReadOnlyList<ClubView> Clubs, bool ViewerIsCompany, string? Error = null);

public sealed record AdminClubsViewModel(string Scope, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Links, bool CanCreate);

public sealed record ClubDashboardViewModel(
    Guid Id,
    string Name,
    string Departement,
    string Status,
    bool CanValidate,
    bool CanManage,
    bool CanAddAnimator,
    IReadOnlyList<string> Animators,
    IReadOnlyList<(Guid Id, string Name)> Pending,
    IReadOnlyList<(Guid Id, string Name)> Members,
    IReadOnlyList<IReadOnlyList<string>> ThemeRows,
    IReadOnlyList<string> WithoutResults,
    IReadOnlyList<IReadOnlyList<string>> Meetings,
    IReadOnlyList<string> MeetingLinks,
    AnimatorForm AnimatorForm);

public sealed record ClubFormViewModel(ClubForm Form, IReadOnlyList<KeyValuePair<string, string>> Departements, bool ProposalOnly);

/// <summary><paramref name="MeetingId"/>: the meeting being edited, null for a new one.</summary>
public sealed record MeetingFormViewModel(Guid ClubId, string ClubName, MeetingForm Form, Guid? MeetingId = null);

public sealed record CancelMeetingViewModel(Guid ClubId, string ClubName, Guid MeetingId, string Title, string When, int Registered);

public sealed record MeetingAdminViewModel(
    Guid ClubId,
    string ClubName,
    Guid Id,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Rows,
    IReadOnlyList<KeyValuePair<string, string>> Registered,
    IReadOnlyList<string> Attended,
    MinutesForm Minutes,
    DecisionForm Decision,
    IReadOnlyList<KeyValuePair<string, string>> Members,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    IReadOnlyList<IReadOnlyList<string>> Decisions,
    bool CanChange = false,
    bool Cancelled = false);

public sealed class ClubForm
{
    [Required(ErrorMessage = "Indiquez le nom du club.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Décrivez le club en quelques lignes.")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Choisissez le département du club.")]
    public string DepartementCode { get; set; } = "";

    [Required(ErrorMessage = "Indiquez le ou les référents de l’État à contacter.")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    public string ReferentContacts { get; set; } = "";

    [Required(ErrorMessage = "Indiquez l’adresse électronique de contact du club.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple club@exemple.fr.")]
    [StringLength(256, ErrorMessage = "256 caractères au plus.")]
    public string ContactEmail { get; set; } = "";
}

public sealed class AnimatorForm
{
    [Required(ErrorMessage = "Indiquez l’adresse électronique du compte de l’animateur.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple animateur@exemple.fr.")]
    public string Email { get; set; } = "";
}

public sealed class MeetingForm
{
    [Required(ErrorMessage = "Indiquez l’objet de la rencontre.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Title { get; set; } = "";

    /// <summary>AAAA-MM-JJ, heure de Paris.</summary>
    [Required(ErrorMessage = "Indiquez la date, par exemple 2027-03-15.")]
    public string Date { get; set; } = "";

    [Required(ErrorMessage = "Indiquez l’heure de début, par exemple 09:30.")]
    public string Start { get; set; } = "";

    [Required(ErrorMessage = "Indiquez l’heure de fin, par exemple 11:30.")]
    public string End { get; set; } = "";

    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Place { get; set; }

    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? VideoUrl { get; set; }

    [Required(ErrorMessage = "Indiquez l’ordre du jour.")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string Agenda { get; set; } = "";

    [Required(ErrorMessage = "Indiquez le nombre de places, par exemple 30.")]
    public string Capacity { get; set; } = "";
}

public sealed class MinutesForm
{
    [Required(ErrorMessage = "Rédigez le compte rendu.")]
    [StringLength(20000, ErrorMessage = "20 000 caractères au plus.")]
    public string Minutes { get; set; } = "";

    /// <summary>The registered companies that attended.</summary>
    public List<string> Attended { get; set; } = [];
}

public sealed class DecisionForm
{
    [Required(ErrorMessage = "Rédigez la décision.")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    public string Text { get; set; } = "";

    /// <summary>Optional: the member company the decision commits; the decision then becomes a line of its fiche navette.</summary>
    public string? CompanyId { get; set; }

    public string? ThemeNumero { get; set; }

    public string? Quantity { get; set; }

    [StringLength(100, ErrorMessage = "L’unité : 100 caractères au plus.")]
    public string? Unit { get; set; }

    public string? Year { get; set; }
}
