using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Newsletters.Models;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Newsletters.NewslettersTestSupport;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>Scope of the animators, double opt-in and unsubscribe links (pickup folder: the mails are read back as files).</summary>
public sealed class NewsletterAccessTests : IClassFixture<PortalFixture>
{
    private readonly PortalFactory factory;

    public NewsletterAccessTests(PortalFixture fixture) => factory = fixture.Factory;

    [Fact]
    public async Task An_animator_cannot_write_or_send_for_another_club_even_by_forging_the_form()
    {
        var mine = await AddClubAsync(factory, "56", "Club du Morbihan " + Guid.NewGuid().ToString("N")[..4]);
        var other = await AddClubAsync(factory, "56", "Club voisin " + Guid.NewGuid().ToString("N")[..4]);
        var theirs = await AddNewsletterAsync(factory, other.Id, "Lettre du voisin");
        var animator = await factory.CreateUserClientAsync(NewEmail("animateur"), PortalRoles.ClubAnimator, (ScopeClaims.Club, mine.Id.ToString()));
        var form = "/admin/lettres/nouvelle?club=" + mine.Id;

        var forgedCreate = await PortalFactory.PostForgedAsync(animator, form, "/admin/lettres/nouvelle", "/admin/lettres/nouvelle",
            new() { ["ClubId"] = other.Id.ToString(), ["Subject"] = "Intrusion", ["Body"] = "Texte" });
        var forgedSend = await PortalFactory.PostForgedAsync(animator, form, "/admin/lettres/nouvelle", $"/admin/lettres/{theirs}/envoyer", new() { ["Date"] = "" });
        var forgedTest = await PortalFactory.PostForgedAsync(animator, form, "/admin/lettres/nouvelle", $"/admin/lettres/{theirs}/test", []);
        var otherForm = await animator.GetAsync("/admin/lettres/nouvelle?club=" + other.Id);
        var otherPage = await animator.GetAsync("/admin/lettres/" + theirs);
        var own = await PortalFactory.PostFormAsync(animator, form, "/admin/lettres/nouvelle", new() { ["ClubId"] = mine.Id.ToString(), ["Subject"] = "Ma lettre", ["Body"] = "Texte" });

        Assert.Equal(HttpStatusCode.Forbidden, forgedCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedSend.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedTest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(NewsletterStatus.Draft, await StatusAsync(factory, theirs));
        Assert.False(await WithDbAsync(factory, db => db.Newsletters.AnyAsync(n => n.ClubId == other.Id && n.Subject == "Intrusion")));
    }

    [Fact]
    public async Task Bad_input_is_answered_in_french_next_to_the_field_with_400()
    {
        var club = await AddClubAsync(factory, "56", "Club des erreurs " + Guid.NewGuid().ToString("N")[..4]);
        var animator = await factory.CreateUserClientAsync(NewEmail("animateur"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var id = await AddNewsletterAsync(factory, club.Id, "Brouillon");

        var empty = await PortalFactory.PostFormAsync(animator, "/admin/lettres/nouvelle?club=" + club.Id, "/admin/lettres/nouvelle", new() { ["ClubId"] = club.Id.ToString(), ["Subject"] = "Objet gardé", ["Body"] = "" });
        var past = await PortalFactory.PostFormAsync(animator, "/admin/lettres/" + id, $"/admin/lettres/{id}/envoyer", new() { ["Date"] = "2020-01-01", ["Time"] = "08:00" });
        var subscribe = await PortalFactory.PostFormAsync(factory.CreateBrowserLikeClient(), "/clubs/56/lettre", $"/clubs/56/lettre/{club.Id}/inscription", new() { ["Email"] = "pas-une-adresse" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyPage = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Rédigez le contenu de la lettre.", emptyPage);
        Assert.Contains("Objet gardé", emptyPage);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Choisissez un moment à venir", WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()));
        Assert.Equal(NewsletterStatus.Draft, await StatusAsync(factory, id));
        Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        var subscribePage = WebUtility.HtmlDecode(await subscribe.Content.ReadAsStringAsync());
        Assert.Contains("Indiquez une adresse électronique valide", subscribePage);
        Assert.Contains("Cochez la case", subscribePage);
        Assert.Contains("pas-une-adresse", subscribePage);
    }

    [Fact]
    public async Task Double_opt_in_keeps_the_consent_a_get_alone_does_not_confirm_and_the_post_serves_once()
    {
        var club = await AddClubAsync(factory, "56", "Club des abonnés " + Guid.NewGuid().ToString("N")[..4]);
        var email = NewEmail("lecteur");
        var visitor = factory.CreateBrowserLikeClient();

        var posted = await PortalFactory.PostFormAsync(visitor, "/clubs/56/lettre", $"/clubs/56/lettre/{club.Id}/inscription", new() { ["Email"] = email, ["Consent"] = "true" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, await WithDbAsync(factory, db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));
        var link = await factory.WaitForMailLinkAsync(email, "Confirmez votre abonnement");
        var shown = await visitor.GetAsync(link);
        var shownPage = WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Confirmer mon abonnement", shownPage);
        Assert.Equal(SubscriberStatus.Pending, await WithDbAsync(factory, db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));
        var jeton = Uri.UnescapeDataString(link[(link.IndexOf("jeton=", StringComparison.Ordinal) + 6)..]);
        var antiforgery = Regex.Match(shownPage[shownPage.IndexOf("action=\"/lettre/confirmer\"", StringComparison.Ordinal)..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(antiforgery));
        Task<HttpResponseMessage> PostConfirm(string? token, string value) => visitor.PostAsync("/lettre/confirmer", new FormUrlEncodedContent(token is null ? new Dictionary<string, string> { ["jeton"] = value } : new Dictionary<string, string> { ["jeton"] = value, ["__RequestVerificationToken"] = token }));
        var withoutAntiforgery = await PostConfirm(null, jeton);
        Assert.Equal(SubscriberStatus.Pending, await WithDbAsync(factory, db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));
        var forged = await PostConfirm(antiforgery, jeton[..^4] + "AAAA");
        var confirmed = await PostConfirm(antiforgery, jeton);
        var reused = await PostConfirm(antiforgery, jeton);
        var reusedLink = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Abonnement confirmé", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("Lien invalide ou déjà utilisé", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, reusedLink.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Lien invalide ou déjà utilisé", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        var subscriber = await WithDbAsync(factory, db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal(SubscriberStatus.Confirmed, subscriber.Status);
        Assert.Equal(Modules.Newsletters.Controllers.PublicController.ConsentForm, subscriber.ConsentForm);
        Assert.False(string.IsNullOrEmpty(subscriber.ConsentIp));
        Assert.True(subscriber.ConsentAtUtc > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Get_never_unsubscribes_post_does_once_and_forged_or_reused_tokens_are_refused()
    {
        var club = await AddClubAsync(factory, "56", "Club des partants " + Guid.NewGuid().ToString("N")[..4]);
        await AddSubscribersAsync(factory, club.Id, 2, "partant" + Guid.NewGuid().ToString("N")[..6]);
        var id = await AddNewsletterAsync(factory, club.Id, "Lettre à quitter", NewsletterStatus.Queued);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().RunAsync(id, CancellationToken.None);
        }

        var delivery = await WithDbAsync(factory, db => db.Deliveries.AsNoTracking().Where(d => d.NewsletterId == id).OrderBy(d => d.Id).FirstAsync());
        var token = factory.Services.GetRequiredService<NewsletterTokens>().ForUnsubscribe(delivery.Id);
        var url = "/lettre/desinscription?jeton=" + Uri.EscapeDataString(token);
        var visitor = factory.CreateBrowserLikeClient();

        var shown = await visitor.GetAsync(url);
        var afterGet = await WithDbAsync(factory, db => db.OptOuts.AnyAsync(o => o.ClubId == club.Id && o.Email == delivery.Email));
        var oneClick = await visitor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        var reused = await visitor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        var forged = await visitor.PostAsync("/lettre/desinscription?jeton=" + Uri.EscapeDataString(token[..^4] + "AAAA"), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Confirmer la désinscription", WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync()));
        Assert.False(afterGet);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await WithDbAsync(factory, db => db.OptOuts.AnyAsync(o => o.ClubId == club.Id && o.Email == delivery.Email && o.Source == "un-clic")));
        Assert.Equal(SubscriberStatus.Unsubscribed, await WithDbAsync(factory, db => db.Subscribers.Where(s => s.ClubId == club.Id && s.Email == delivery.Email).Select(s => s.Status).SingleAsync()));

        // The next newsletter of the club leaves the unsubscribed address out.
        var next = await AddNewsletterAsync(factory, club.Id, "Lettre suivante", NewsletterStatus.Queued);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().RunAsync(next, CancellationToken.None);
        }

        Assert.Equal(1, await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == next)));
        Assert.False(await WithDbAsync(factory, db => db.Deliveries.AnyAsync(d => d.NewsletterId == next && d.Email == delivery.Email)));
    }

    [Fact]
    public async Task Unsubscribing_mid_send_takes_effect_before_the_next_batch()
    {
        var club = await AddClubAsync(factory, "56", "Club pressé " + Guid.NewGuid().ToString("N")[..4]);
        var id = await AddNewsletterAsync(factory, club.Id, "Lettre en cours", NewsletterStatus.Sending);
        var prefix = "presse" + Guid.NewGuid().ToString("N")[..6];
        using (var scope = factory.Services.CreateScope())
        {
            // A send under way: its rows are written, then one recipient unsubscribes before their batch leaves.
            var db = scope.ServiceProvider.GetRequiredService<Modules.Newsletters.Data.NewslettersDbContext>();
            db.Deliveries.AddRange(Enumerable.Range(0, 3).Select(i => new Delivery { NewsletterId = id, Email = $"{prefix}{i}@lettre.test", Status = DeliveryStatus.Pending }));
            db.OptOuts.Add(new OptOut { ClubId = club.Id, Email = prefix + "1@lettre.test", AtUtc = DateTime.UtcNow, Source = "lien" });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<NewsletterSender>().RunAsync(id, CancellationToken.None);
        }

        var rows = await WithDbAsync(factory, db => db.Deliveries.AsNoTracking().Where(d => d.NewsletterId == id).OrderBy(d => d.Email).ToListAsync());
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Skipped, DeliveryStatus.Sent], rows.Select(r => r.Status));
        Assert.Equal(NewsletterStatus.Sent, await StatusAsync(factory, id));
    }

    [Fact]
    public async Task A_test_goes_to_the_animator_only_and_a_scheduled_newsletter_leaves_when_due()
    {
        var club = await AddClubAsync(factory, "56", "Club programmé " + Guid.NewGuid().ToString("N")[..4]);
        await AddSubscribersAsync(factory, club.Id, 2, "programme" + Guid.NewGuid().ToString("N")[..6]);
        var email = NewEmail("animateur");
        var animator = await factory.CreateUserClientAsync(email, PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var id = await AddNewsletterAsync(factory, club.Id, "Lettre programmée");
        var page = "/admin/lettres/" + id;

        var test = await PortalFactory.PostFormAsync(animator, page, page + "/test", []);
        var link = await factory.WaitForMailLinkAsync(email, "[Test] Lettre programmée");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await PortalFactory.PostFormAsync(animator, page, page + "/envoyer", new() { ["Date"] = tomorrow, ["Time"] = "09:30", ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        Assert.StartsWith("/lettre/desinscription", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal(NewsletterStatus.Scheduled, await StatusAsync(factory, id));
        Assert.Equal(0, await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == id)));

        await WithDbAsync(factory, db => db.Newsletters.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ScheduledAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Plan10000.Modules.Newsletters.Jobs.NewsletterPumpJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(NewsletterStatus.Sent, await StatusAsync(factory, id));
        Assert.Equal(2, await WithDbAsync(factory, db => db.Deliveries.CountAsync(d => d.NewsletterId == id && d.Status == DeliveryStatus.Sent)));
    }
}
