using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.ViewModels;

public sealed class AccountStepForm
{
    [Required(ErrorMessage = "Saisissez vos prénom et nom.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse ne peut pas dépasser 256 caractères.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(512, ErrorMessage = "Le mot de passe ne peut pas dépasser 512 caractères.")]
    public string Password { get; set; } = "";
}

public sealed class CompanyStepForm
{
    [Required(ErrorMessage = "Saisissez le numéro SIRET de l’établissement.")]
    public string Siret { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nom de l’entreprise.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choisissez la taille de l’entreprise.")]
    public string SizeCode { get; set; } = "";

    [Required(ErrorMessage = "Choisissez le secteur d’activité.")]
    public string SectorCode { get; set; } = "";

    [Required(ErrorMessage = "Saisissez l’adresse de l’établissement.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le code postal.")]
    public string Postcode { get; set; } = "";

    [Required(ErrorMessage = "Saisissez la commune.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string City { get; set; } = "";

    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Website { get; set; }

    [RegularExpression(Services.NafCode.Pattern, ErrorMessage = Services.NafCode.Message)]
    public string? NafCode { get; set; }
}

public sealed class CharterStepForm
{
    public List<string> Accept { get; set; } = [];

    [Required(ErrorMessage = "Saisissez le nom du signataire.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string SignerName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez la fonction du signataire.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string SignerRole { get; set; } = "";
}

/// <summary>One commitment being typed; numbers are strings so a typing mistake gets a French message, not the binder's.</summary>
public sealed class CommitmentForm
{
    public string? Theme { get; set; }

    public List<string> Publics { get; set; } = [];

    public string? Description { get; set; }

    public string? IntentionQuantity { get; set; }

    public string? IntentionUnit { get; set; }

    public string? IntentionYear { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Theme) && Publics.Count == 0 && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(IntentionQuantity) && string.IsNullOrWhiteSpace(IntentionUnit) && string.IsNullOrWhiteSpace(IntentionYear);
}

public sealed class PublicationStepForm
{
    public List<string> Consents { get; set; } = [];
}

public sealed record CommitmentLine(int Index, string Theme, string Publics, string Description, string Intention);

/// <summary>Everything a wizard step view needs; the typed values come back from the draft or the rejected post.</summary>
public sealed record SignupStepViewModel(
    StepperModel Stepper,
    IReadOnlyList<KeyValuePair<string, string>> Sizes,
    IReadOnlyList<KeyValuePair<string, string>> Sectors,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    IReadOnlyList<KeyValuePair<string, string>> Publics,
    IReadOnlyList<KeyValuePair<string, string>> ConsentItems)
{
    public AccountStepForm Account { get; init; } = new();

    public CompanyStepForm Company { get; init; } = new();

    public CharterStepForm Charter { get; init; } = new();

    public string CharterTitle { get; init; } = "";

    public string CharterHtml { get; init; } = "";

    public bool CharterProvisional { get; init; }

    public CommitmentForm Commitment { get; init; } = new();

    public IReadOnlyList<CommitmentLine> Commitments { get; init; } = [];

    public PublicationStepForm Publication { get; init; } = new();

    public IReadOnlyList<KeyValuePair<string, string>> Summary { get; init; } = [];

    public string? DuplicateSiren { get; init; }

    /// <summary>What the Sirene register proposed or that it did not answer (ADR 0025).</summary>
    public AlertModel? SireneNotice { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> SireneProposal { get; init; } = [];
}
