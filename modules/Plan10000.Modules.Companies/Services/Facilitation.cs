using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Services;

/// <summary>Shared pieces of the « État facilitateur » pages: the thread view, the status rules and the intermediation contacts.</summary>
internal static class Facilitation
{
    public static BadgeModel Badge(ProblemStatus status) => status switch
    {
        ProblemStatus.Open => new(AdministrativeProblem.StatusLabel(status), BadgeKind.New),
        ProblemStatus.InProgress => new(AdministrativeProblem.StatusLabel(status), BadgeKind.Info),
        _ => new(AdministrativeProblem.StatusLabel(status), BadgeKind.Success),
    };

    public static IReadOnlyList<KeyValuePair<string, string>> StatusOptions { get; } =
        [.. Enum.GetValues<ProblemStatus>().Select(s => new KeyValuePair<string, string>(s.ToString(), AdministrativeProblem.StatusLabel(s)))];

    public static async Task<ProblemThreadViewModel> ThreadAsync(
        CompaniesDbContext db, AdministrativeProblem problem, string companyName, ProblemReplyForm form, bool forState, CancellationToken cancellationToken)
    {
        var messages = await db.ProblemMessages.AsNoTracking().Where(m => m.ProblemId == problem.Id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        return new ProblemThreadViewModel(
            problem.Id,
            problem.Subject,
            companyName,
            problem.DepartementCode,
            Badge(problem.Status),
            problem.Status.ToString(),
            [.. messages.Select(m => new ThreadMessageView(m.FromState ? $"{m.AuthorName} (État)" : m.AuthorName, m.FromState, ParisTime.Display(m.CreatedAt), m.Text))],
            form,
            forState ? $"/admin/entreprises/problemes/{problem.Id}" : $"/mon-entreprise/problemes/{problem.Id}",
            forState,
            forState ? "/admin/entreprises/problemes" : "/mon-entreprise",
            forState ? "Problèmes administratifs" : "Mon entreprise",
            problem.CompanyId);
    }

    /// <summary>An intermediation contact as the referents' fiche and the company's own space both show it.</summary>
    public static ContactView ToView(IntermediationContact contact, IReadOnlyDictionary<Guid, string> commitments)
        => new(commitments.GetValueOrDefault(contact.CommitmentId, "—"), contact.Organisation, contact.ContactName,
            contact.ContactedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")), contact.Offer);
}
