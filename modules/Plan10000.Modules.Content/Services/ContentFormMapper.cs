using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.ViewModels;

namespace Plan10000.Modules.Content.Services;

/// <summary>Form ↔ item, with French messages attached to the field at fault.</summary>
internal sealed class ContentFormMapper(ContentDbContext db)
{
    internal static ContentForm ToForm(ContentItem i) => new()
    {
        Title = i.Title,
        Slug = i.Slug,
        Summary = i.Summary,
        Body = i.Body,
        CoverUrl = i.CoverUrl,
        CoverAlt = i.CoverAlt,
        SeoTitle = i.SeoTitle,
        SeoDescription = i.SeoDescription,
        Tags = i.Tags,
        Themes = [.. i.ThemeNumbers.Select(t => t.ToString(CultureInfo.InvariantCulture))],
        Publics = [.. i.PublicCodes],
        Taille = i.Taille,
        Secteur = i.Secteur,
        Departement = i.Departement,
        CompanyId = i.CompanyId,
        Results = i.Results,
        Contact = i.Contact,
        ServiceCompetent = i.ServiceCompetent,
        Eligibility = i.Eligibility,
        HowToApply = i.HowToApply,
        UsefulLinks = i.UsefulLinks,
    };

    internal async Task ValidateAsync(ContentForm form, ContentKind kind, int? id, Lookups lookups, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        void Required(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                state.AddModelError(field, message);
            }
        }

        void Max(string? value, string field, int max)
        {
            if (value is not null && value.Length > max)
            {
                state.AddModelError(field, $"{max} caractères au plus (actuellement {value.Length}).");
            }
        }

        Required(form.Title, nameof(form.Title), "Saisissez un titre.");
        Max(form.Title, nameof(form.Title), 200);
        Required(form.Summary, nameof(form.Summary), "Saisissez un résumé de quelques lignes.");
        Max(form.Summary, nameof(form.Summary), 600);
        Required(form.Body, nameof(form.Body), "Saisissez le texte.");
        Max(form.SeoTitle, nameof(form.SeoTitle), 200);
        Max(form.SeoDescription, nameof(form.SeoDescription), 300);
        Max(form.Tags, nameof(form.Tags), 400);
        Max(form.CoverAlt, nameof(form.CoverAlt), 300);
        Max(form.Contact, nameof(form.Contact), 400);
        Max(form.ServiceCompetent, nameof(form.ServiceCompetent), 300);
        Max(form.CompanyId, nameof(form.CompanyId), 100);

        var slug = SlugOf(form);
        if (!string.IsNullOrWhiteSpace(form.Slug) && slug != form.Slug.Trim())
        {
            state.AddModelError(nameof(form.Slug), "Le slug ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (par exemple « tutorat-des-jeunes »).");
        }
        else if (slug.Length == 0 && !string.IsNullOrWhiteSpace(form.Title))
        {
            state.AddModelError(nameof(form.Slug), "Saisissez un slug : le titre ne contient aucune lettre utilisable.");
        }
        else if (slug.Length > 0 && await db.Items.AnyAsync(i => i.Kind == kind && i.Slug == slug && i.Id != (id ?? 0), cancellationToken))
        {
            state.AddModelError(nameof(form.Slug), "Ce slug est déjà pris par un autre contenu du même type : choisissez-en un autre.");
        }

        if (!string.IsNullOrWhiteSpace(form.CoverUrl))
        {
            if (!form.CoverUrl.StartsWith("/medias/", StringComparison.Ordinal) || form.CoverUrl.Length > 300)
            {
                state.AddModelError(nameof(form.CoverUrl), "Choisissez une image de la médiathèque (adresse commençant par /medias/).");
            }

            Required(form.CoverAlt, nameof(form.CoverAlt), "Décrivez l’image de couverture (texte alternatif), 300 caractères au plus.");
        }

        var themeNumbers = lookups.Themes.Select(t => t.Numero.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        if (form.Themes.Any(t => !themeNumbers.Contains(t)))
        {
            state.AddModelError(nameof(form.Themes), "Thématique inconnue.");
        }

        if (kind is ContentKind.BonnePratique or ContentKind.Dispositif && form.Themes.Count == 0)
        {
            state.AddModelError(nameof(form.Themes), "Cochez au moins une thématique.");
        }

        if (form.Publics.Any(p => lookups.Publics.All(x => x.Code != p)))
        {
            state.AddModelError(nameof(form.Publics), "Public inconnu.");
        }

        if (!string.IsNullOrEmpty(form.Taille) && lookups.Tailles.All(x => x.Code != form.Taille))
        {
            state.AddModelError(nameof(form.Taille), "Taille d’entreprise inconnue.");
        }

        if (!string.IsNullOrEmpty(form.Secteur) && lookups.Secteurs.All(x => x.Code != form.Secteur))
        {
            state.AddModelError(nameof(form.Secteur), "Secteur inconnu.");
        }

        if (!string.IsNullOrEmpty(form.Departement) && lookups.Departements.All(x => x.Code != form.Departement))
        {
            state.AddModelError(nameof(form.Departement), "Département inconnu.");
        }

        if (kind == ContentKind.Dispositif)
        {
            Required(form.ServiceCompetent, nameof(form.ServiceCompetent), "Indiquez le service de l’État compétent.");
        }
    }

    internal static string SlugOf(ContentForm form) => Text.Slugify(string.IsNullOrWhiteSpace(form.Slug) ? form.Title : form.Slug);

    internal static void Apply(ContentForm f, ContentItem i)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        i.Title = f.Title!.Trim();
        i.Slug = SlugOf(f);
        i.Summary = f.Summary!.Trim();
        i.Body = f.Body ?? "";
        i.CoverUrl = Clean(f.CoverUrl);
        i.CoverAlt = i.CoverUrl is null ? null : f.CoverAlt?.Trim();
        i.SeoTitle = Clean(f.SeoTitle);
        i.SeoDescription = Clean(f.SeoDescription);
        i.Tags = string.Join(',', (f.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        i.Themes = "," + string.Concat(f.Themes.Distinct().Order(StringComparer.Ordinal).Select(t => t + ","));
        i.Publics = "," + string.Concat(f.Publics.Distinct().Select(p => p + ","));
        i.Taille = Clean(f.Taille);
        i.Secteur = Clean(f.Secteur);
        i.Departement = Clean(f.Departement);
        i.CompanyId = Clean(f.CompanyId);
        i.Results = Clean(f.Results);
        i.Contact = Clean(f.Contact);
        i.ServiceCompetent = Clean(f.ServiceCompetent);
        i.Eligibility = Clean(f.Eligibility);
        i.HowToApply = Clean(f.HowToApply);
        i.UsefulLinks = Clean(f.UsefulLinks);
    }
}
