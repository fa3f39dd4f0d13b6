using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Content.Services;

/// <summary>Builds the public page of an item; the preview calls the same code, so a draft looks exactly as it will.</summary>
internal sealed class PageBuilder(IReferentialsQuery referentials, MarkdownRenderer markdown)
{
    internal async Task<Lookups> LookupsAsync(CancellationToken cancellationToken)
        => new(
            await referentials.GetThemesAsync(cancellationToken),
            await referentials.GetPublicsAsync(cancellationToken),
            await referentials.GetTaillesEntrepriseAsync(cancellationToken),
            await referentials.GetSecteursAsync(cancellationToken),
            await referentials.GetDepartementsAsync(cancellationToken));

    internal static (string Title, string Url) Section(ContentKind kind) => kind switch
    {
        ContentKind.BonnePratique => ("Bonnes pratiques", "/ressources/bonnes-pratiques"),
        ContentKind.Dispositif => ("Fiches pratiques dispositifs", "/ressources/dispositifs"),
        ContentKind.Actualite => ("Actualités", "/actualites"),
        ContentKind.Charte => ("Charte", "/charte"),
        _ => ("Pages", "/plan-du-site"),
    };

    internal async Task<DetailViewModel> DetailAsync(ContentItem item, bool preview, CancellationToken cancellationToken)
    {
        var lookups = await LookupsAsync(cancellationToken);
        var (sectionTitle, sectionUrl) = PageBuilder.Section(item.Kind);
        var breadcrumb = new List<Link> { new("Accueil", "/") };
        if (item.Kind is ContentKind.BonnePratique or ContentKind.Dispositif)
        {
            breadcrumb.Add(new("Ressources", "/ressources/bonnes-pratiques"));
        }

        if (item.Kind is not ContentKind.Page and not ContentKind.Charte)
        {
            breadcrumb.Add(new(sectionTitle, sectionUrl));
        }

        var facts = new List<KeyValuePair<string, string>>();
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new(label, value));
            }
        }

        var themes = string.Join(" ; ", item.ThemeNumbers.Select(lookups.ThemeLabel));
        Fact(item.ThemeNumbers.Count() > 1 ? "Thématiques" : "Thématique", themes);
        Fact("Publics", string.Join(", ", item.PublicCodes.Select(p => Lookups.Label(lookups.Publics, p))));
        Fact("Taille d’entreprise", item.Taille is null ? null : Lookups.Label(lookups.Tailles, item.Taille));
        Fact("Secteur", item.Secteur is null ? null : Lookups.Label(lookups.Secteurs, item.Secteur));
        Fact("Département", item.Departement is null ? null : lookups.DepartementLabel(item.Departement));
        Fact("Service de l’État compétent", item.ServiceCompetent);
        Fact("Contact", item.Contact);

        var sections = new List<(string, string)>();
        void AddSection(string title, string? md)
        {
            if (!string.IsNullOrWhiteSpace(md))
            {
                sections.Add((title, markdown.Render(md)));
            }
        }

        AddSection("Résultats obtenus", item.Results);
        AddSection("Qui est éligible ?", item.Eligibility);
        AddSection("Comment en bénéficier ?", item.HowToApply);
        AddSection("Liens utiles", item.UsefulLinks);
        if (!string.IsNullOrWhiteSpace(item.CompanyId))
        {
            sections.Add(("Entreprise engagée", markdown.Render($"[Voir la fiche de l’entreprise](/entreprises-engagees/{Uri.EscapeDataString(item.CompanyId)})")));
        }

        var when = item.PublishedAt ?? item.UpdatedAt;
        return new DetailViewModel(
            item.Title,
            item.Summary,
            markdown.Render(item.Body),
            ContentKinds.Label(item.Kind),
            breadcrumb,
            ContentKinds.PublicUrl(item.Kind, item.Slug),
            item.CoverUrl,
            item.CoverAlt,
            item.SeoTitle ?? item.Title,
            item.SeoDescription ?? item.Summary,
            [.. item.TagList.Select(t => new TagModel(t))],
            facts,
            sections,
            item.PublishedAt is null && !preview ? null : ParisTime.Date(when),
            item.AuthorName,
            preview);
    }
}
