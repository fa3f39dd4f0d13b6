using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Jobs;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed class ContentWorkflowTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string NewPractice = "/admin/contenus/nouveau?type=bonne-pratique";

    private static Dictionary<string, string> Practice(string title) => new()
    {
        ["Title"] = title,
        ["Summary"] = "Un résumé pour la liste.",
        ["Body"] = "## Ce que nous faisons\n\nDu tutorat, chaque semaine.",
        ["Themes"] = "4",
    };

    [Fact]
    public async Task An_editor_writes_previews_and_submits_then_an_admin_publishes()
    {
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur-flux@test.gouv.fr", PortalRoles.Editor);
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var anonymous = fixture.Factory.CreateBrowserLikeClient();

        var created = await PortalFactory.PostFormAsync(editor, NewPractice, NewPractice, Practice("Tutorat des collégiens"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.ToString();
        var id = int.Parse(edit.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var preview = await editor.GetAsync($"/contenus/apercu/{id}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Ce que nous faisons", await preview.Content.ReadAsStringAsync());
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single());
        var anonymousPreview = await anonymous.GetAsync($"/contenus/apercu/{id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymousPreview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/ressources/bonnes-pratiques/tutorat-des-collegiens")).StatusCode);

        var submitted = await PortalFactory.PostFormAsync(editor, edit, $"/admin/contenus/{id}/soumettre", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ContentStatus.Submitted, (await ContentSeed.LoadAsync(fixture.Factory, id)).Status);

        // The editor sees no publish form (a forged post is refused: see the next test).
        Assert.DoesNotContain($"/admin/contenus/{id}/publier", await editor.GetStringAsync(edit));
        var published = await PortalFactory.PostFormAsync(admin, edit, $"/admin/contenus/{id}/publier", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Equal(ContentStatus.Published, (await ContentSeed.LoadAsync(fixture.Factory, id)).Status);
        var page = await anonymous.GetAsync("/ressources/bonnes-pratiques/tutorat-des-collegiens");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("og:title", html);
        Assert.Contains("twitter:card", html);
        Assert.Contains("id=\"ce-que-nous-faisons\"", html);
    }

    [Fact]
    public async Task An_editor_cannot_publish_even_by_posting_directly()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Brouillon non publiable", "Texte.", publish: false);
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur-publie@test.gouv.fr", PortalRoles.Editor);
        // Take a valid antiforgery token from a form the editor does see, then post to the publish action.
        var page = await editor.GetStringAsync($"/admin/contenus/{id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await editor.PostAsync($"/admin/contenus/{id}/publier", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await ContentSeed.LoadAsync(fixture.Factory, id)).Status);
    }

    [Fact]
    public async Task Bad_input_comes_back_in_french_next_to_the_field_with_400_and_nothing_lost()
    {
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur-erreur@test.gouv.fr", PortalRoles.Editor);
        var fields = Practice("");
        fields["Body"] = "Un texte long que je ne veux pas retaper.";
        fields["Slug"] = "Pas Un Slug !";

        var response = await PortalFactory.PostFormAsync(editor, NewPractice, NewPractice, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Saisissez un titre.", html);
        Assert.Contains("Le slug ne peut contenir que des lettres minuscules", html);
        Assert.Contains("Un texte long que je ne veux pas retaper.", html);
    }

    [Fact]
    public async Task Every_save_is_a_version_with_a_readable_diff_and_a_restore()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var created = await PortalFactory.PostFormAsync(admin, NewPractice, NewPractice, Practice("Version un"));
        var edit = created.Headers.Location!.ToString();
        var id = edit.Split('/').Last();
        var second = Practice("Version deux");
        second["Body"] = "## Ce que nous faisons\n\nDu mentorat, chaque mois.";
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(admin, edit, edit, second)).StatusCode);

        var history = await admin.GetStringAsync($"/admin/contenus/{id}/historique");
        var diff = await admin.GetStringAsync($"/admin/contenus/{id}/comparer?de=1&a=2");
        Assert.Contains(PortalFactory.AdminEmail, history);
        Assert.Contains("Version un", diff);
        Assert.Contains("Version deux", diff);
        Assert.Contains("Supprimé", diff);
        Assert.Contains("Du tutorat, chaque semaine.", diff);
        Assert.Contains("Du mentorat, chaque mois.", diff);

        var restored = await PortalFactory.PostFormAsync(admin, $"/admin/contenus/{id}/historique", $"/admin/contenus/{id}/restaurer/1", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var item = await ContentSeed.LoadAsync(fixture.Factory, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Version un", item.Title);
        Assert.Contains("Du tutorat", item.Body);
        var versions = await ContentSeed.WithDbAsync(fixture.Factory, db => db.Versions.CountAsync(v => v.ContentItemId == item.Id));
        Assert.Equal(3, versions);
    }

    [Fact]
    public async Task A_new_charter_version_never_changes_what_an_earlier_signature_refers_to()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Charte, "Charte commune", "Article 1 : premier texte.");
        CharterVersionInfo first;
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            first = (await scope.ServiceProvider.GetRequiredService<IContentQuery>().GetCurrentCharterAsync())!;
        }

        var admin = await fixture.Factory.CreateAdminClientAsync();
        var edit = $"/admin/contenus/{id}";
        var changed = new Dictionary<string, string> { ["Title"] = "Charte commune", ["Summary"] = "Résumé", ["Body"] = "Article 1 : texte révisé." };
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(admin, edit, edit, changed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(admin, edit, $"{edit}/publier", [])).StatusCode);

        using var after = fixture.Factory.Services.CreateScope();
        var query = after.ServiceProvider.GetRequiredService<IContentQuery>();
        var current = (await query.GetCurrentCharterAsync())!;
        var signed = (await query.GetCharterVersionAsync(first.Id))!;
        Assert.Equal(first.Number + 1, current.Number);
        Assert.Contains("texte révisé", current.Html);
        Assert.Contains("premier texte", signed.Html);
        Assert.Equal(first.Html, signed.Html);
        var page = await fixture.Factory.CreateClient().GetStringAsync("/charte");
        Assert.Contains("texte révisé", page);
        Assert.Contains($"/charte/versions/{first.Number}", page);
    }

    [Fact]
    public async Task The_schedule_job_publishes_what_is_due_unpublishes_what_expired_and_is_idempotent()
    {
        var due = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce programmée", "Texte.", publish: false);
        var expired = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce expirée", "Texte.");
        var later = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce future", "Texte.", publish: false);
        await ContentSeed.WithDbAsync(fixture.Factory, async db =>
        {
            (await db.Items.FindAsync(due))!.PublishAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            (await db.Items.FindAsync(expired))!.UnpublishAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            (await db.Items.FindAsync(later))!.PublishAt = DateTimeOffset.UtcNow.AddDays(1);
            return await db.SaveChangesAsync();
        });

        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ScheduledPublicationJob>();
            await job.RunAsync();
            await job.RunAsync();
        }

        Assert.Equal(ContentStatus.Published, (await ContentSeed.LoadAsync(fixture.Factory, due)).Status);
        Assert.Null((await ContentSeed.LoadAsync(fixture.Factory, due)).PublishAt);
        Assert.Equal(ContentStatus.Unpublished, (await ContentSeed.LoadAsync(fixture.Factory, expired)).Status);
        Assert.Equal(ContentStatus.Draft, (await ContentSeed.LoadAsync(fixture.Factory, later)).Status);
    }

    [Fact]
    public async Task An_editor_saving_a_scheduled_item_drops_the_schedule_so_unreviewed_text_is_never_published()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce relue", "Texte relu.", publish: false);
        await ContentSeed.WithDbAsync(fixture.Factory, async db =>
        {
            (await db.Items.FindAsync(id))!.PublishAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Plan10000.Modules.Content.Data.ContentDbContext>();
            var item = (await db.Items.FindAsync(id))!;
            item.Body = "Texte modifié après la relecture.";
            await scope.ServiceProvider.GetRequiredService<ContentService>().SaveAsync(item, new Actor("redac@test.gouv.fr", "redac-1", CanPublish: false), "modification", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ScheduledPublicationJob>().RunAsync();
        }

        var stored = await ContentSeed.LoadAsync(fixture.Factory, id);
        Assert.Null(stored.PublishAt);
        Assert.Equal(ContentStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task A_publication_date_in_the_wrong_format_is_refused_with_the_format_the_field_sends()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce au format de date", "Texte.", publish: false);

        var refused = await PortalFactory.PostFormAsync(admin, $"/admin/contenus/{id}", $"/admin/contenus/{id}/publier", new() { ["publishAt"] = "15/03/2030 09:30" });
        var typed = await PortalFactory.PostFormAsync(admin, $"/admin/contenus/{id}", $"/admin/contenus/{id}/publier", new() { ["publishAt"] = "2030-03-15 09:30" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("utilisez le format aaaa-mm-jj hh:mm", page);
        Assert.DoesNotContain("jj/mm/aaaa", page);
        Assert.Contains("15/03/2030 09:30", page);
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal(new DateTimeOffset(2030, 3, 15, 8, 30, 0, TimeSpan.Zero), (await ContentSeed.LoadAsync(fixture.Factory, id)).PublishAt);
    }

    [Fact]
    public async Task A_scheduled_item_appears_on_its_own_through_the_recurring_hangfire_job()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Annonce du lendemain", "Texte.", publish: false);
        var soon = DateTimeOffset.UtcNow.AddMinutes(2);
        var paris = TimeZoneInfo.ConvertTime(soon, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var scheduled = await PortalFactory.PostFormAsync(admin, $"/admin/contenus/{id}", $"/admin/contenus/{id}/publier", new()
        {
            ["publishAt"] = paris.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/actualites/annonce-du-lendemain")).StatusCode);

        // Time passes: the due date is moved into the past, then Hangfire runs the recurring job registered by the module.
        await ContentSeed.WithDbAsync(fixture.Factory, async db =>
        {
            (await db.Items.FindAsync(id))!.PublishAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            return await db.SaveChangesAsync();
        });
        fixture.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(ScheduledPublicationJob.Id);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            status = (await anonymous.GetAsync("/actualites/annonce-du-lendemain")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_editor_changing_a_published_item_takes_it_offline_until_it_is_approved_again()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Page, "Page validée", "Texte approuvé.");
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur-modifie@test.gouv.fr", PortalRoles.Editor);
        var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/pages/page-validee")).StatusCode);

        var saved = await PortalFactory.PostFormAsync(editor, $"/admin/contenus/{id}", $"/admin/contenus/{id}", new()
        {
            ["Title"] = "Page validée",
            ["Summary"] = "Résumé",
            ["Body"] = "Texte non approuvé.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await ContentSeed.LoadAsync(fixture.Factory, id)).Status);
        Assert.Contains("repasse en brouillon", await editor.GetStringAsync($"/admin/contenus/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/pages/page-validee")).StatusCode);
    }
}
