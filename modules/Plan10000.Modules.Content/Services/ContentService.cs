using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Content;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;

namespace Plan10000.Modules.Content.Services;

/// <summary>Every editable field of an item: what a version keeps and what a restore puts back.</summary>
internal sealed record ContentSnapshot(
    string Title,
    string Slug,
    string Summary,
    string Body,
    string? CoverUrl,
    string? CoverAlt,
    string? SeoTitle,
    string? SeoDescription,
    string Tags,
    string Themes,
    string Publics,
    string? Taille,
    string? Secteur,
    string? Departement,
    string? CompanyId,
    string? Results,
    string? Contact,
    string? ServiceCompetent,
    string? Eligibility,
    string? HowToApply,
    string? UsefulLinks)
{
    public static ContentSnapshot Of(ContentItem i) => new(i.Title, i.Slug, i.Summary, i.Body, i.CoverUrl, i.CoverAlt, i.SeoTitle, i.SeoDescription, i.Tags,
        i.Themes, i.Publics, i.Taille, i.Secteur, i.Departement, i.CompanyId, i.Results, i.Contact, i.ServiceCompetent, i.Eligibility, i.HowToApply, i.UsefulLinks);

    public void ApplyTo(ContentItem i)
    {
        (i.Title, i.Slug, i.Summary, i.Body, i.CoverUrl, i.CoverAlt, i.SeoTitle, i.SeoDescription, i.Tags) = (Title, Slug, Summary, Body, CoverUrl, CoverAlt, SeoTitle, SeoDescription, Tags);
        (i.Themes, i.Publics, i.Taille, i.Secteur, i.Departement, i.CompanyId) = (Themes, Publics, Taille, Secteur, Departement, CompanyId);
        (i.Results, i.Contact, i.ServiceCompetent, i.Eligibility, i.HowToApply, i.UsefulLinks) = (Results, Contact, ServiceCompetent, Eligibility, HowToApply, UsefulLinks);
    }

    /// <summary>Labelled fields in display order, for the diff between two versions.</summary>
    public IReadOnlyList<(string Label, string Value)> Fields() =>
    [
        ("Titre", Title), ("Slug", Slug), ("Résumé", Summary), ("Image de couverture", CoverUrl ?? ""), ("Texte alternatif de l’image", CoverAlt ?? ""),
        ("Titre SEO", SeoTitle ?? ""), ("Description SEO", SeoDescription ?? ""), ("Mots-clés", Tags), ("Thématiques", Themes.Trim(',')), ("Publics", Publics.Trim(',')),
        ("Taille d’entreprise", Taille ?? ""), ("Secteur", Secteur ?? ""), ("Département", Departement ?? ""), ("Entreprise engagée", CompanyId ?? ""),
        ("Résultats obtenus", Results ?? ""), ("Contact", Contact ?? ""), ("Service de l’État compétent", ServiceCompetent ?? ""),
        ("Public éligible", Eligibility ?? ""), ("Comment en bénéficier", HowToApply ?? ""), ("Liens utiles", UsefulLinks ?? ""),
    ];

    public static ContentSnapshot? Parse(string json) => JsonSerializer.Deserialize<ContentSnapshot>(json);

    public string ToJson() => JsonSerializer.Serialize(this);
}

internal sealed record Actor(string Name, string? Id, bool CanPublish)
{
    public static Actor Of(ClaimsPrincipal user, bool canPublish)
        => new(user.Identity?.Name ?? "inconnu", user.FindFirstValue(ClaimTypes.NameIdentifier), canPublish);

    public static Actor System { get; } = new("Publication programmée", null, true);
}

/// <summary>The editorial workflow: saves (each one a version), transitions, scheduled publication.</summary>
internal sealed class ContentService(ContentDbContext db, MarkdownRenderer markdown, TimeProvider clock, IEventPublisher events)
{
    /// <summary>Saves the item's current fields as a new version. A save by someone who may not publish takes a published item back to draft.</summary>
    internal async Task SaveAsync(ContentItem item, Actor actor, string note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wasPublished = item.Id != 0 && item.Status == ContentStatus.Published;
        if (item.Id == 0)
        {
            item.CreatedAt = now;
            item.AuthorName = actor.Name;
            item.AuthorId = actor.Id;
            db.Items.Add(item);
        }
        else if (!actor.CanPublish && item.Status is ContentStatus.Published or ContentStatus.Submitted)
        {
            item.Status = ContentStatus.Draft;
        }

        // A schedule is a publisher's decision about one text: a save by someone else drops it, so the job never
        // publishes words nobody with PublishContent has read.
        if (!actor.CanPublish)
        {
            item.PublishAt = null;
        }

        item.UpdatedAt = now;
        item.SearchText = SearchTextOf(item);
        await db.SaveChangesAsync(cancellationToken);
        await AddVersionAsync(item, actor, note, cancellationToken);
        if (item.Status == ContentStatus.Published || wasPublished)
        {
            await AnnounceAsync(item, published: item.Status == ContentStatus.Published, cancellationToken);
        }
    }

    internal string SearchTextOf(ContentItem item)
        => Text.Truncate(Text.Normalize(string.Join(' ', item.Title, item.Summary, item.Tags, markdown.PlainText(item.Body), item.Results, item.ServiceCompetent)), 20000);

    private async Task AddVersionAsync(ContentItem item, Actor actor, string note, CancellationToken cancellationToken)
    {
        var last = await db.Versions.Where(v => v.ContentItemId == item.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        db.Versions.Add(new ContentVersion
        {
            ContentItemId = item.Id,
            Number = last + 1,
            Snapshot = ContentSnapshot.Of(item).ToJson(),
            AuthorName = actor.Name,
            AuthorId = actor.Id,
            CreatedAt = clock.GetUtcNow(),
            Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task SubmitAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (item.Status is ContentStatus.Draft or ContentStatus.Unpublished)
        {
            item.Status = ContentStatus.Submitted;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Publishes now, or at <paramref name="at"/> when it lies ahead (the minute job does it then).</summary>
    internal async Task PublishAsync(ContentItem item, DateTimeOffset? at, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        item.UnpublishAt = until;
        if (at is { } when && when > now)
        {
            item.PublishAt = when;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await PublishNowAsync(item, now, cancellationToken);
    }

    private async Task PublishNowAsync(ContentItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await MarkPublishedAsync(item, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await AnnounceAsync(item, published: true, cancellationToken);
    }

    private async Task MarkPublishedAsync(ContentItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        item.Status = ContentStatus.Published;
        item.PublishAt = null;
        item.PublishedAt ??= now;
        if (item.Kind == ContentKind.Charte)
        {
            await AppendCharterVersionAsync(item, now, cancellationToken);
        }
    }

    /// <summary>A new charter row only when the text changed: earlier rows, and the signatures that point at them, stay as they were.</summary>
    private async Task AppendCharterVersionAsync(ContentItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.CharterVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.Title == item.Title && latest.Body == item.Body)
        {
            return;
        }

        db.CharterVersions.Add(new CharterVersion
        {
            Number = (latest?.Number ?? 0) + 1,
            ContentItemId = item.Id,
            Title = item.Title,
            Body = item.Body,
            Html = markdown.Render(item.Body),
            PublishedAt = now,
        });
    }

    internal async Task UnpublishAsync(ContentItem item, bool archive, CancellationToken cancellationToken)
    {
        item.Status = archive ? ContentStatus.Archived : ContentStatus.Unpublished;
        item.PublishAt = null;
        item.UnpublishAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await AnnounceAsync(item, published: false, cancellationToken);
    }

    /// <summary>Publishes what is due and unpublishes what has expired. Running it twice changes nothing more.</summary>
    internal async Task<int> RunScheduleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Items.Where(i => i.PublishAt != null && i.PublishAt <= now && i.Status != ContentStatus.Archived).ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await MarkPublishedAsync(item, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var expired = await db.Items.Where(i => i.UnpublishAt != null && i.UnpublishAt <= now && i.Status == ContentStatus.Published).ToListAsync(cancellationToken);
        foreach (var item in expired)
        {
            item.Status = ContentStatus.Unpublished;
            item.UnpublishAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in due)
        {
            await AnnounceAsync(item, published: true, cancellationToken);
        }

        foreach (var item in expired)
        {
            await AnnounceAsync(item, published: false, cancellationToken);
        }

        return due.Count + expired.Count;
    }

    /// <summary>Tells the rest of the portal that the item is now shown, or no longer shown, on the public pages.</summary>
    private Task AnnounceAsync(ContentItem item, bool published, CancellationToken cancellationToken)
        => published
            ? events.PublishAsync(new ContentPublished(item.Id, item.Kind.ToString()), cancellationToken)
            : events.PublishAsync(new ContentUnpublished(item.Id, item.Kind.ToString()), cancellationToken);
}
