using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Clubs;

/// <summary>Editing and cancelling meetings, and what the Clubs module hands the Notifications module.</summary>
public sealed class ClubsMeetingChangesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private static async Task AddAnimatorRowAsync(PortalFactory factory, Guid clubId, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        await WithClubsDbAsync(factory, db =>
        {
            db.Animators.Add(new ClubAnimator { ClubId = clubId, UserId = user!.Id, Email = email });
            return db.SaveChangesAsync();
        });
    }

    private static async Task RegisterAsync(PortalFactory factory, Guid meetingId, Guid companyId)
        => await WithClubsDbAsync(factory, db =>
        {
            db.Registrations.Add(new MeetingRegistration { MeetingId = meetingId, CompanyId = companyId, RegisteredAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task Only_the_clubs_animators_edit_a_meeting_and_the_ics_sequence_is_raised()
    {
        var club = await AddClubAsync(Factory, "40", "Club des Landes");
        var other = await AddClubAsync(Factory, "40", "Autre club des Landes");
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(10));
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur40"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var stranger = await Factory.CreateUserClientAsync(NewEmail("animateur40b"), PortalRoles.ClubAnimator, (ScopeClaims.Club, other.Id.ToString()));
        var company = await AddCompanyAsync(Factory, "Résinier des Landes", "40000", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, company.Id);
        await RegisterAsync(Factory, meeting.Id, company.Id);
        var url = $"/admin/clubs/{club.Id}/rencontres/{meeting.Id}/modifier";
        var day = DateTime.UtcNow.AddDays(12).ToString("yyyy-MM-dd");
        var fields = new Dictionary<string, string> { ["Title"] = "Rencontre déplacée", ["Date"] = day, ["Start"] = "14:00", ["End"] = "16:00", ["Place"] = "Mont-de-Marsan", ["Agenda"] = "Nouvel ordre du jour", ["Capacity"] = "20" };

        var strangerView = await stranger.GetAsync(url);
        var forged = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", url, fields);
        var tooSmall = await PortalFactory.PostFormAsync(animator, url, url, new(fields) { ["Capacity"] = "0", ["Title"] = "Titre gardé" });
        var edited = await PortalFactory.PostFormAsync(animator, url, url, fields);
        var stored = await WithClubsDbAsync(Factory, db => db.Meetings.SingleAsync(m => m.Id == meeting.Id));
        var ics = Ical.Net.Calendar.Load(await Factory.CreateBrowserLikeClient().GetStringAsync($"/clubs/40/rencontres/{meeting.Id}.ics"))!;

        Assert.Equal(HttpStatusCode.Forbidden, strangerView.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Contains("Titre gardé", WebUtility.HtmlDecode(await tooSmall.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Rencontre déplacée", stored.Title);
        Assert.Equal(ParisTime.ToUtc(DateTime.Parse(day + "T14:00:00", System.Globalization.CultureInfo.InvariantCulture)), stored.StartsAtUtc);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(1, ics.Events.Single().Sequence);
        Assert.Equal(14, ics.Events.Single().DtStart!.Value.Hour);
    }

    [Fact]
    public async Task Cancelling_asks_for_confirmation_then_registered_companies_and_calendars_see_it_cancelled()
    {
        var club = await AddClubAsync(Factory, "41", "Club du Loir-et-Cher");
        var other = await AddClubAsync(Factory, "41", "Autre club du Loir-et-Cher");
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(5));
        var company = await AddCompanyAsync(Factory, "Château de Blois SARL", "41000", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, company.Id);
        await RegisterAsync(Factory, meeting.Id, company.Id);
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur41"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var stranger = await Factory.CreateUserClientAsync(NewEmail("animateur41b"), PortalRoles.ClubAnimator, (ScopeClaims.Club, other.Id.ToString()));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent41"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "41"));
        var member = await Factory.CreateUserClientAsync(NewEmail("chateau"), PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        var late = await AddCompanyAsync(Factory, "Retardataire de Vendôme", "41100", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, late.Id);
        var lateClient = await Factory.CreateUserClientAsync(NewEmail("vendome"), PortalRoles.Company, (ScopeClaims.Company, late.Id.ToString()));
        var url = $"/admin/clubs/{club.Id}/rencontres/{meeting.Id}/annuler";

        var confirmation = await animator.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await animator.GetAsync($"/admin/clubs/{other.Id}/rencontres/{meeting.Id}/annuler")).StatusCode);
        var forged = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", url, []);
        var byReferent = await PostAsync(referent, "/admin/clubs/nouveau", url, []);
        Assert.Null(await WithClubsDbAsync(Factory, db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.CancelledAtUtc).SingleAsync()));
        var cancelled = await PortalFactory.PostFormAsync(animator, url, url, []);
        var stored = await WithClubsDbAsync(Factory, db => db.Meetings.SingleAsync(m => m.Id == meeting.Id));
        var ics = Ical.Net.Calendar.Load(await Factory.CreateBrowserLikeClient().GetStringAsync($"/clubs/41/rencontres/{meeting.Id}.ics"))!;
        var page = WebUtility.HtmlDecode(await member.GetStringAsync("/clubs/41"));
        var register = await PostAsync(lateClient, "/clubs/41", $"/clubs/41/rencontres/{meeting.Id}/inscription", []);
        var editAfter = await PostAsync(animator, $"/admin/clubs/{club.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/{meeting.Id}/modifier", [new("Title", "Ressuscitée")]);

        Assert.Contains("Confirmer l’annulation", WebUtility.HtmlDecode(confirmation));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReferent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.NotNull(stored.CancelledAtUtc);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal("CANCELLED", ics.Events.Single().Status);
        Assert.Equal(1, ics.Events.Single().Sequence);
        Assert.Contains("Rencontre annulée — votre inscription est sans objet", page);
        Assert.DoesNotContain("Votre entreprise est inscrite", page);
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        Assert.Contains("est annulée : votre inscription n’a pas été enregistrée", WebUtility.HtmlDecode(await register.Content.ReadAsStringAsync()));
        Assert.Equal(1, await WithClubsDbAsync(Factory, db => db.Registrations.CountAsync(r => r.MeetingId == meeting.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, editAfter.StatusCode);
    }

    [Fact]
    public async Task Reminders_go_the_day_before_to_registered_companies_and_animators_and_for_missing_minutes_to_animators()
    {
        var club = await AddClubAsync(Factory, "42", "Club de la Loire");
        var parisTomorrow = DateOnly.FromDateTime(ParisTime.FromUtc(DateTime.UtcNow)).AddDays(1);
        var tomorrow = await AddMeetingAsync(Factory, club.Id, ParisTime.ToUtc(parisTomorrow.ToDateTime(new TimeOnly(10, 0))));
        var cancelledTomorrow = await AddMeetingAsync(Factory, club.Id, ParisTime.ToUtc(parisTomorrow.ToDateTime(new TimeOnly(15, 0))));
        var nextWeek = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(7));
        var withoutMinutes = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(-4));
        var recent = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(-1));
        var withMinutes = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(-5));
        await WithClubsDbAsync(Factory, async db =>
        {
            (await db.Meetings.SingleAsync(m => m.Id == cancelledTomorrow.Id)).CancelledAtUtc = DateTime.UtcNow;
            (await db.Meetings.SingleAsync(m => m.Id == withMinutes.Id)).Minutes = "Compte rendu déposé";
            return await db.SaveChangesAsync();
        });
        var company = await AddCompanyAsync(Factory, "Verrerie de Saint-Étienne", "42000", CompanyStatus.Approved);
        var companyEmail = NewEmail("verrerie");
        await Factory.CreateUserClientAsync(companyEmail, PortalRoles.Company, (ScopeClaims.Company, company.Id.ToString()));
        await AddMemberAsync(Factory, club.Id, company.Id);
        await RegisterAsync(Factory, tomorrow.Id, company.Id);
        await RegisterAsync(Factory, cancelledTomorrow.Id, company.Id);
        var animatorEmail = NewEmail("animateur42");
        await Factory.CreateUserClientAsync(animatorEmail, PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        await AddAnimatorRowAsync(Factory, club.Id, animatorEmail);

        using var scope = Factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IReminderSource>().Single(s => s.Name == "Rencontres de club");
        var due = (await source.GetDueAsync(DateTimeOffset.UtcNow, default)).Where(r => r.To == companyEmail || r.To == animatorEmail).ToList();
        var keys = due.Select(r => r.Key).Order().ToList();

        Assert.Equal(
            new[] { $"compte-rendu-manquant:{withoutMinutes.Id:N}:{animatorEmail}", $"reunion-veille:{tomorrow.Id:N}:{animatorEmail}", $"reunion-veille:{tomorrow.Id:N}:{companyEmail}" }.Order(),
            keys);
        Assert.Equal(keys, (await source.GetDueAsync(DateTimeOffset.UtcNow, default)).Where(r => r.To == companyEmail || r.To == animatorEmail).Select(r => r.Key).Order());
        Assert.DoesNotContain(due, r => r.Key.Contains(nextWeek.Id.ToString("N"), StringComparison.Ordinal) || r.Key.Contains(recent.Id.ToString("N"), StringComparison.Ordinal));
        Assert.StartsWith("Demain : ", due.First(r => r.To == companyEmail).Subject);
        Assert.Equal($"http://localhost/admin/clubs/{club.Id}/rencontres/{withoutMinutes.Id}", due.Single(r => r.Key.StartsWith("compte-rendu", StringComparison.Ordinal)).ActionUrl);
    }

    [Fact]
    public async Task The_animator_digest_lists_new_members_pending_requests_and_upcoming_meetings_of_their_clubs_only()
    {
        var club = await AddClubAsync(Factory, "43", "Club de Haute-Loire");
        var other = await AddClubAsync(Factory, "43", "Club voisin de Haute-Loire");
        var newcomer = await AddCompanyAsync(Factory, "Dentellerie du Puy", "43000", CompanyStatus.Approved);
        var waiting = await AddCompanyAsync(Factory, "Lentilles Vertes", "43000", CompanyStatus.Approved);
        var elsewhere = await AddCompanyAsync(Factory, "Membre d’ailleurs", "43000", CompanyStatus.Approved);
        var joined = await AddMemberAsync(Factory, club.Id, newcomer.Id);
        await WithClubsDbAsync(Factory, async db =>
        {
            (await db.Memberships.SingleAsync(m => m.Id == joined.Id)).DecidedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await AddMemberAsync(Factory, club.Id, waiting.Id, MembershipStatus.Pending);
        await AddMemberAsync(Factory, other.Id, elsewhere.Id, MembershipStatus.Pending);
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(6));
        var animatorEmail = NewEmail("animateur43");
        await Factory.CreateUserClientAsync(animatorEmail, PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        await AddAnimatorRowAsync(Factory, club.Id, animatorEmail);
        var nobodyEmail = NewEmail("personne43");
        await Factory.CreateUserClientAsync(nobodyEmail, PortalRoles.Company);

        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var digest = scope.ServiceProvider.GetServices<IDigestContributor>().Single(d => d.Category == DigestCategories.Clubs && d.GetType().Assembly == typeof(ClubsDbContext).Assembly);
        var section = await digest.BuildSectionAsync((await users.FindByEmailAsync(animatorEmail))!.Id, DateTimeOffset.UtcNow.AddDays(-1), default);
        var later = await digest.BuildSectionAsync((await users.FindByEmailAsync(animatorEmail))!.Id, DateTimeOffset.UtcNow.AddMinutes(1), default);
        var nobody = await digest.BuildSectionAsync((await users.FindByEmailAsync(nobodyEmail))!.Id, DateTimeOffset.UtcNow.AddDays(-1), default);

        Assert.NotNull(section);
        Assert.Contains("Nouveau membre : Dentellerie du Puy", section.Text);
        Assert.Contains("Demande d’adhésion en attente : Lentilles Vertes", section.Text);
        Assert.Contains("Rencontre à venir : " + meeting.Title, section.Text);
        Assert.DoesNotContain("Membre d’ailleurs", section.Text);
        Assert.Contains($"http://localhost/admin/clubs/{club.Id}", section.Html);
        Assert.NotNull(later);
        Assert.DoesNotContain("Nouveau membre", later.Text);
        Assert.Null(nobody);
    }
}
