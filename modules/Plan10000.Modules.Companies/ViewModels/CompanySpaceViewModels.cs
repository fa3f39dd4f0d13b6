using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.ViewModels;

public sealed class ProfileForm
{
    [Required(ErrorMessage = "Choisissez la taille de l’entreprise.")]
    public string SizeCode { get; set; } = "";

    [Required(ErrorMessage = "Choisissez le secteur d’activité.")]
    public string SectorCode { get; set; } = "";

    [Required(ErrorMessage = "Saisissez l’adresse de l’établissement.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Saisissez la commune.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string City { get; set; } = "";

    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Website { get; set; }

    [RegularExpression(Services.NafCode.Pattern, ErrorMessage = Services.NafCode.Message)]
    public string? NafCode { get; set; }

    public List<string> Consents { get; set; } = [];
}

public sealed class ResultForm
{
    public string? ResultQuantity { get; set; }

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    public string? ResultComment { get; set; }
}

public sealed record SpaceCommitment(Guid Id, int Position, string Theme, string Publics, string Description, string Intention, string Result);

public sealed record CompanySpaceViewModel(
    bool CanWithdraw, string Name, BadgeModel Status, string? StatusReason, string ShowcaseUrl, int FicheVersion,
    IReadOnlyList<KeyValuePair<string, string>> Profile, IReadOnlyList<SpaceCommitment> Commitments,
    IReadOnlyList<KeyValuePair<string, string>> Themes, IReadOnlyList<KeyValuePair<string, string>> Publics)
{
    public CommitmentForm Commitment { get; init; } = new();

    public IReadOnlyList<KeyValuePair<Guid, string>> JoinRequests { get; init; } = [];

    /// <summary>Blocks contributed by other modules (ICompanySpaceContributor), e.g. the club of the département.</summary>
    public IReadOnlyList<Plan10000.Portal.Abstractions.Extensibility.CompanySpaceSection> Sections { get; init; } = [];

    /// <summary>Only an approved company has a dedicated State contact and may raise administrative problems.</summary>
    public bool Approved { get; init; }

    /// <summary>The dedicated State contact: name and address, or null when none is named yet.</summary>
    public KeyValuePair<string, string>? StateContact { get; init; }

    public IReadOnlyList<ProblemSummary> Problems { get; init; } = [];

    public IReadOnlyList<ContactView> IntermediationContacts { get; init; } = [];
}

public sealed record ProfileViewModel(
    string Name, ProfileForm Form, IReadOnlyList<KeyValuePair<string, string>> Sizes, IReadOnlyList<KeyValuePair<string, string>> Sectors, IReadOnlyList<KeyValuePair<string, string>> ConsentItems);

public sealed record ResultViewModel(Guid Id, string Theme, string Description, string Intention, ResultForm Form);
