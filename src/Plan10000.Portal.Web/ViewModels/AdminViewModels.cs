using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Themes;

namespace Plan10000.Portal.Web.ViewModels;

public sealed record AdminHomeViewModel(IReadOnlyList<DashboardWidget> Widgets);

public sealed record ModuleListViewModel(IReadOnlyList<ModuleDescriptor> Modules);

public sealed class SiteSettingsForm
{
    [Display(Name = "Thème public")]
    [Required(ErrorMessage = "Choisissez un thème public.")]
    public string PublicTheme { get; set; } = "";

    [Display(Name = "Mention d'accessibilité (pied de page)")]
    [Required(ErrorMessage = "Indiquez l'état de conformité RGAA.")]
    [RegularExpression("^(non conforme|partiellement conforme|totalement conforme)$", ErrorMessage = "Choisissez « non conforme », « partiellement conforme » ou « totalement conforme ».")]
    public string AccessibilityStatus { get; set; } = "";

    [Display(Name = "Adresse de contact")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple contact@exemple.gouv.fr.")]
    [StringLength(200, ErrorMessage = "L'adresse ne peut pas dépasser 200 caractères.")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Durée de conservation (jours)")]
    [Range(30, 3650, ErrorMessage = "Indiquez une durée entre 30 et 3 650 jours.")]
    public int RetentionDays { get; set; } = 1095;

    public IReadOnlyList<ThemeDescriptor> AvailableThemes { get; set; } = [];
}

public sealed record AuditViewModel(AuditPage Page, IReadOnlyList<string> Actions, string? Action, string? User, string? From, string? To, PaginationModel Pagination, string? Error);

public sealed record MailLogViewModel(MailLogPage Page, string? Recipient, string? Template, string? Status, string? From, string? To, PaginationModel Pagination, string? Error);
