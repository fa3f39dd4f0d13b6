using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.ViewModels;

public sealed class NewProblemForm
{
    [Required(ErrorMessage = "Indiquez l’objet du problème, par exemple « Délai d’agrément d’un contrat d’apprentissage ».")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Décrivez le problème : démarche, administration concernée, blocage rencontré.")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string Text { get; set; } = "";
}

public sealed class ProblemReplyForm
{
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    public string? Text { get; set; }

    /// <summary>Only the referents change the status (Open, InProgress, Resolved); ignored when the company posts.</summary>
    public string? Status { get; set; }
}

public sealed record ThreadMessageView(string Author, bool FromState, string At, string Text);

public sealed record ProblemThreadViewModel(
    Guid Id, string Subject, string CompanyName, string Departement, BadgeModel Status, string StatusCode,
    IReadOnlyList<ThreadMessageView> Messages, ProblemReplyForm Form, string PostUrl, bool ForState, string BackUrl, string BackTitle, Guid CompanyId);

public sealed record ProblemSummary(Guid Id, string Subject, string Company, string Departement, string Status, string UpdatedAt);

public sealed record ProblemListViewModel(string Scope, string? Status, IReadOnlyList<ProblemSummary> Problems, int Total, PaginationModel Pagination);

public sealed record NewProblemViewModel(string CompanyName, NewProblemForm Form);

public sealed class IntermediationContactForm
{
    [Required(ErrorMessage = "Choisissez l’engagement dont vous avez parlé avec l’entreprise.")]
    public string? CommitmentId { get; set; }

    [Required(ErrorMessage = "Indiquez votre structure, par exemple « Mission locale de Rennes ».")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string Organisation { get; set; } = "";

    [Required(ErrorMessage = "Indiquez qui a pris contact avec l’entreprise.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Indiquez la date du contact au format aaaa-mm-jj, par exemple 2026-11-26.")]
    public string ContactedOn { get; set; } = "";

    [Required(ErrorMessage = "Décrivez ce que vous avez proposé : candidats, job dating, contrat aidé…")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    public string Offer { get; set; } = "";
}

public sealed class ContactAssignmentForm
{
    [Required(ErrorMessage = "Choisissez un référent du département.")]
    public string? ContactUserId { get; set; }
}

public sealed record ContactView(string Commitment, string Organisation, string ContactName, string ContactedOn, string Offer);

public sealed record FicheListItem(Guid Id, string Name, string Siret, string City, string Departement, int Commitments);

public sealed record FicheListViewModel(string Scope, string? Q, string? Departement, IReadOnlyList<KeyValuePair<string, string>> Departements, IReadOnlyList<FicheListItem> Companies, int Total, PaginationModel Pagination);

public sealed record FicheDetailViewModel(
    Guid Id, string Name, IReadOnlyList<KeyValuePair<string, string>> Rows, IReadOnlyList<IReadOnlyList<string>> Commitments,
    IReadOnlyList<KeyValuePair<string, string>> CommitmentOptions, IReadOnlyList<ContactView> Contacts,
    bool CanRecordContact, IntermediationContactForm ContactForm,
    bool CanAssign, IReadOnlyList<KeyValuePair<string, string>> Referents, ContactAssignmentForm AssignmentForm);
