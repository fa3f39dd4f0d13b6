using System.ComponentModel.DataAnnotations;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.ViewModels;

public sealed class DefinitionForm
{
    [Required(ErrorMessage = "Saisissez le code de l’indicateur.")]
    [RegularExpression("^[A-Za-z0-9_]{2,40}$", ErrorMessage = "Le code compte 2 à 40 lettres sans accent, chiffres ou « _ ».")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le libellé de l’indicateur.")]
    [StringLength(300, ErrorMessage = "Le libellé compte au plus 300 caractères.")]
    public string Label { get; set; } = "";

    [Required(ErrorMessage = "Choisissez la thématique.")]
    public string? Theme { get; set; }

    [Required(ErrorMessage = "Saisissez l’unité (ex. recrutements, k€).")]
    [StringLength(60, ErrorMessage = "L’unité compte au plus 60 caractères.")]
    public string Unit { get; set; } = "";

    [Required(ErrorMessage = "Choisissez la nature de l’indicateur.")]
    public string? Kind { get; set; }

    [Required(ErrorMessage = "Choisissez la périodicité.")]
    public string? Periodicity { get; set; }

    /// <summary>Free text, parsed by the controller so that « 15 000 » and « 12,5 » are accepted.</summary>
    public string? NationalTarget { get; set; }

    /// <summary>One « code=cible » per line, e.g. « 33=150 ».</summary>
    public string? DepartementTargets { get; set; }

    public string? Intention { get; set; }

    public bool Active { get; set; } = true;
}

public sealed class CampaignForm
{
    [Required(ErrorMessage = "Saisissez le nom de la campagne.")]
    [StringLength(200, ErrorMessage = "Le nom compte au plus 200 caractères.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Saisissez la période (ex. 2026-T2 ou 2026-S1).")]
    public string Period { get; set; } = "";

    public bool Paqte { get; set; }

    [Required(ErrorMessage = "Saisissez la date d’ouverture.")]
    public string? OpensOn { get; set; }

    [Required(ErrorMessage = "Saisissez la date limite.")]
    public string? DueOn { get; set; }
}

internal sealed record DefinitionFormViewModel(Guid? Id, DefinitionForm Form, IReadOnlyList<KeyValuePair<string, string>> Themes, IReadOnlyList<KeyValuePair<string, string>> Intentions);

internal sealed record DefinitionsViewModel(TableModel Table);

internal sealed record CampaignsViewModel(TableModel Table, bool CanCreate, CampaignForm Form);

internal sealed record CampaignViewModel(Campaign Campaign, string Scope, TableModel? Departements, TableModel? Submissions, IReadOnlyList<TableModel> LateByClub, TableModel? Late, string? DepartementCode);

/// <summary>A line of a values form: one indicator over the period the campaign gives it.</summary>
internal sealed record ValueLine(Guid DefinitionId, string Code, string Label, string Theme, string Kind, string Unit, string Period, string? Input, string? Validated, string? Commitment, string? Error, string? Ratio = null);

internal sealed record ValuesFormViewModel(
    string Title,
    string Lead,
    string Action,
    Campaign Campaign,
    SubmissionStatus Status,
    bool Editable,
    bool CanSubmit,
    IReadOnlyList<ValueLine> Lines,
    IReadOnlyList<Link> Breadcrumb,
    FieldModel? PeriodField = null);

internal sealed record SubmissionViewModel(
    Submission Submission,
    Campaign Campaign,
    string SubjectName,
    ValuesFormViewModel Values,
    TableModel History,
    TableModel Transitions,
    IReadOnlyList<KeyValuePair<string, string>> Moves);

internal sealed record DepartementValuesViewModel(string Code, string Name, string Period, ValuesFormViewModel Values);

internal sealed record DashboardFilter(string? Theme, string? Periode);

internal sealed record DashboardViewModel(
    DashboardData Data,
    string Path,
    DashboardFilter Filter,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    IReadOnlyList<KeyValuePair<string, string>> PeriodOptions,
    IReadOnlyList<Link> SubViews,
    string? ReportUrl);

internal sealed record ReportViewModel(
    string DepartementCode,
    string DepartementName,
    string Period,
    DashboardData Data,
    TableModel Submissions,
    TableModel Late,
    IReadOnlyList<KeyValuePair<string, string>> PeriodOptions);

internal sealed record PublicIndicatorsViewModel(
    DashboardFilter Filter,
    string? Departement,
    IReadOnlyList<KeyValuePair<string, string>> Departements,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    IReadOnlyList<KeyValuePair<string, string>> PeriodOptions,
    IReadOnlyList<IndicatorFigure> National,
    TableModel Table,
    string Scope);

internal sealed record CompanyCampaignsViewModel(TableModel Table);
