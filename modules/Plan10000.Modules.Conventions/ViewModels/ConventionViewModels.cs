using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Conventions.ViewModels;

public sealed record ConventionsIndexViewModel(string Scope, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Links, bool CanManage);

public sealed record ClubConventionFormViewModel(ClubConventionForm Form, IReadOnlyList<KeyValuePair<string, string>> Clubs, IReadOnlyList<KeyValuePair<string, string>> Themes);

public sealed record CompanyConventionFormViewModel(
    string Kind,
    CompanyConventionForm Form,
    string Departement,
    IReadOnlyList<KeyValuePair<string, string>> Departements,
    IReadOnlyList<KeyValuePair<string, string>> Companies,
    IReadOnlyList<KeyValuePair<string, string>> Axes);

public sealed record ConventionView(
    Guid Id,
    string Kind,
    string Title,
    string Party,
    string Status,
    bool IsDraft,
    bool IsStateClub,
    bool IsPaqte,
    bool IsCharter,
    bool CanManage,
    IReadOnlyList<KeyValuePair<string, string>> Rows,
    string Body,
    IReadOnlyList<string> ThemeLabels,
    IReadOnlyList<IReadOnlyList<string>> FigureRows,
    IReadOnlyList<IReadOnlyList<string>> Signatories,
    IReadOnlyList<IReadOnlyList<string>> Amendments,
    IReadOnlyList<ObjectiveLine> Objectives,
    IReadOnlyList<string> Missing);

public sealed record ObjectiveLine(Guid Id, string Axis, string Indicator, int Year, int Target, int? Result);

public sealed record ConventionPageViewModel(
    ConventionView Convention,
    EditConventionForm Edit,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    SignatoryForm Signatory,
    AmendmentForm Amendment,
    IReadOnlyList<KeyValuePair<string, string>> TransitionOptions,
    string? TransitionValue);

public sealed record ExpiringViewModel(string Scope, IReadOnlyList<IReadOnlyList<string>> Within30, IReadOnlyList<string> Links30, IReadOnlyList<IReadOnlyList<string>> Within90, IReadOnlyList<string> Links90);

public sealed record ChartersViewModel(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Links, int Transitioned, int Late, int Total);

public sealed record ReportsIndexViewModel(IReadOnlyList<KeyValuePair<string, string>> Departements, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Links);

public sealed record ReportViewModel(
    string DepartementCode,
    string DepartementName,
    int Year,
    int Half,
    string Period,
    ReportForm Form,
    IReadOnlyList<IReadOnlyList<string>> Companies,
    IReadOnlyList<IReadOnlyList<string>> Results,
    string BaseUrl);

public sealed class ClubConventionForm
{
    [Required(ErrorMessage = "Choisissez le club.")]
    public string ClubId { get; set; } = "";

    [Required(ErrorMessage = "Indiquez l’intitulé de la convention.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Title { get; set; } = "";

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public List<string> Themes { get; set; } = [];

    [StringLength(8000, ErrorMessage = "8 000 caractères au plus.")]
    public string? Body { get; set; }
}

public sealed class CompanyConventionForm
{
    [Required(ErrorMessage = "Choisissez l’entreprise.")]
    public string CompanyId { get; set; } = "";

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public bool IsSme { get; set; }

    public List<string> Axes { get; set; } = [];
}

public sealed class EditConventionForm
{
    [Required(ErrorMessage = "Indiquez l’intitulé de la convention.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Title { get; set; } = "";

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public List<string> Themes { get; set; } = [];

    [StringLength(8000, ErrorMessage = "8 000 caractères au plus.")]
    public string? Body { get; set; }
}

public sealed class SignatoryForm
{
    [Required(ErrorMessage = "Choisissez pour qui signe la personne.")]
    public string Side { get; set; } = "";

    [Required(ErrorMessage = "Indiquez le nom du signataire.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Indiquez la qualité du signataire, par exemple « Préfet de l’Aube ».")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Quality { get; set; } = "";

    [Required(ErrorMessage = "Indiquez la date de signature.")]
    public string SignedOn { get; set; } = "";
}

public sealed class AmendmentForm
{
    [Required(ErrorMessage = "Indiquez l’objet de l’avenant.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Indiquez le texte de l’avenant.")]
    [StringLength(8000, ErrorMessage = "8 000 caractères au plus.")]
    public string Text { get; set; } = "";

    [Required(ErrorMessage = "Indiquez la date de signature de l’avenant.")]
    public string SignedOn { get; set; } = "";

    public string? NewEndsOn { get; set; }
}

public sealed class ReportForm
{
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    public string? ReferentContact { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string? FollowUpOrganisation { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string? PartnerAssociations { get; set; }

    [StringLength(8000, ErrorMessage = "8 000 caractères au plus.")]
    public string? Examples { get; set; }

    [StringLength(8000, ErrorMessage = "8 000 caractères au plus.")]
    public string? StrategyAndObstacles { get; set; }

    public string? QpvCount { get; set; }

    public string? PruCount { get; set; }

    public string? QpvPopulation { get; set; }

    public string? DefmInQpv { get; set; }
}
