using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Clubs;

public sealed class ClubsAdminTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private static Dictionary<string, string> ClubFields(string departement, string name = "Club des Ardennes engagées") => new()
    {
        ["Name"] = name,
        ["Description"] = "Les entreprises engagées du département.",
        ["DepartementCode"] = departement,
        ["ReferentContacts"] = "Préfecture, bureau de l’emploi",
        ["ContactEmail"] = "club@exemple.fr",
    };

    [Fact]
    public async Task A_referent_creates_a_club_only_in_their_departement()
    {
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent08"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "08"));

        var forged = await PortalFactory.PostFormAsync(referent, "/admin/clubs/nouveau", "/admin/clubs/nouveau", ClubFields("13", "Club forgé hors périmètre"));
        var created = await PortalFactory.PostFormAsync(referent, "/admin/clubs/nouveau", "/admin/clubs/nouveau", ClubFields("08"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(await WithClubsDbAsync(Factory, db => db.Clubs.AnyAsync(c => c.Name == "Club forgé hors périmètre")));
        Assert.Equal(ClubStatus.Active, await WithClubsDbAsync(Factory, db => db.Clubs.Where(c => c.Name == "Club des Ardennes engagées").Select(c => c.Status).SingleAsync()));
        Assert.Contains("Club des Ardennes engagées", await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs/08"));
    }

    [Fact]
    public async Task Bad_club_input_answers_400_with_the_message_next_to_the_field_and_keeps_what_was_typed()
    {
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent09"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "09"));
        var fields = ClubFields("09", "");
        fields["ContactEmail"] = "pas-une-adresse";
        fields["Description"] = "Description à garder";

        var response = await PortalFactory.PostFormAsync(referent, "/admin/clubs/nouveau", "/admin/clubs/nouveau", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Indiquez le nom du club.", html);
        Assert.Contains("Saisissez une adresse électronique valide", html);
        Assert.Contains("Description à garder", html);
        Assert.Contains("pas-une-adresse", html);
    }

    [Fact]
    public async Task An_animator_proposes_a_club_that_only_a_referent_of_its_departement_validates()
    {
        var animatorEmail = NewEmail("proposeur");
        var animator = await Factory.CreateUserClientAsync(animatorEmail, PortalRoles.ClubAnimator);
        var proposed = await PortalFactory.PostFormAsync(animator, "/admin/clubs/nouveau", "/admin/clubs/nouveau", ClubFields("10", "Club proposé de l’Aube"));
        var club = await WithClubsDbAsync(Factory, db => db.Clubs.Include(c => c.Animators).SingleAsync(c => c.Name == "Club proposé de l’Aube"));
        var wrongReferent = await Factory.CreateUserClientAsync(NewEmail("referent11"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "11"));
        var rightReferent = await Factory.CreateUserClientAsync(NewEmail("referent10"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "10"));

        var beforePublic = await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs/10");
        var forged = await PostAsync(wrongReferent, "/admin/clubs/nouveau", $"/admin/clubs/{club.Id}/valider", []);
        var animatorTries = await PostAsync(animator, "/admin/clubs/nouveau", $"/admin/clubs/{club.Id}/valider", []);
        var validated = await PortalFactory.PostFormAsync(rightReferent, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/valider", []);

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(ClubStatus.Active, await WithClubsDbAsync(Factory, db => db.Clubs.Where(c => c.Id == club.Id).Select(c => c.Status).SingleAsync()));
        Assert.Single(club.Animators);
        Assert.DoesNotContain("Club proposé de l’Aube", beforePublic);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, animatorTries.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Contains("Club proposé de l’Aube", await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs/10"));
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(animatorEmail);
        Assert.Contains(await users.GetClaimsAsync(user!), c => c.Type == ScopeClaims.Club && c.Value == club.Id.ToString());
    }

    [Fact]
    public async Task A_referent_names_an_animator_through_account_provisioning_who_then_manages_the_club()
    {
        var club = await AddClubAsync(Factory, "12", "Club de l’Aveyron");
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent12"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "12"));
        var animatorEmail = NewEmail("futur-animateur");
        await Factory.CreateUserClientAsync(animatorEmail, PortalRoles.Company);

        var unknown = await PortalFactory.PostFormAsync(referent, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/animateurs", new() { ["Email"] = "personne@inconnu.test" });
        var named = await PortalFactory.PostFormAsync(referent, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/animateurs", new() { ["Email"] = animatorEmail });
        var animator = Factory.CreateBrowserLikeClient();
        await PortalFactory.PostFormAsync(animator, "/compte/connexion", "/compte/connexion", new() { ["Email"] = animatorEmail, ["Password"] = PortalFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Aucun compte n’utilise cette adresse", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await animator.GetAsync($"/admin/clubs/{club.Id}/rencontres/nouvelle")).StatusCode);
        Assert.Equal($"/admin/clubs/{club.Id}", (await animator.GetAsync("/mon-club")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_club_animator_with_the_departement_in_his_account_cannot_designate_animators()
    {
        // Issue 16: the demo animator carries his département, and the département scope was the only check.
        var club = await AddClubAsync(Factory, "15", "Club du Cantal");
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur15"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()), (ScopeClaims.Departement, "15"));
        var targetEmail = NewEmail("promu-par-un-animateur");
        await Factory.CreateUserClientAsync(targetEmail, PortalRoles.Company);

        var dashboard = await animator.GetStringAsync($"/admin/clubs/{club.Id}");
        var tried = await PortalFactory.PostForgedAsync(animator, $"/admin/clubs/{club.Id}", "/compte/deconnexion", $"/admin/clubs/{club.Id}/animateurs", new() { ["Email"] = targetEmail });

        Assert.DoesNotContain($"action=\"/admin/clubs/{club.Id}/animateurs\"", dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, tried.StatusCode);
        Assert.False(await WithClubsDbAsync(Factory, db => db.Animators.AnyAsync(a => a.Email == targetEmail)));
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var target = await users.FindByEmailAsync(targetEmail);
        Assert.DoesNotContain(PortalRoles.ClubAnimator, await users.GetRolesAsync(target!));
        Assert.DoesNotContain(await users.GetClaimsAsync(target!), c => c.Type == ScopeClaims.Club);
    }

    [Fact]
    public async Task Only_the_clubs_animators_accept_decline_or_remove_members_even_with_forged_posts()
    {
        var club = await AddClubAsync(Factory, "14", "Club du Calvados");
        var other = await AddClubAsync(Factory, "14", "Autre club du Calvados");
        var a = await AddCompanyAsync(Factory, "Laiterie Normande", "14000", CompanyStatus.Approved);
        var b = await AddCompanyAsync(Factory, "Cidrerie Normande", "14100", CompanyStatus.Approved);
        var pendingA = await AddMemberAsync(Factory, club.Id, a.Id, MembershipStatus.Pending);
        var pendingB = await AddMemberAsync(Factory, club.Id, b.Id, MembershipStatus.Pending);
        var mine = await Factory.CreateUserClientAsync(NewEmail("animateur14"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var stranger = await Factory.CreateUserClientAsync(NewEmail("animateur-autre"), PortalRoles.ClubAnimator, (ScopeClaims.Club, other.Id.ToString()));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent14"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "14"));

        var dashboardOther = await stranger.GetAsync($"/admin/clubs/{club.Id}");
        var forgedAccept = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/membres/{pendingA.Id}/accepter", []);
        var forgedViaOwnClub = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{other.Id}/membres/{pendingA.Id}/accepter", []);
        var referentAccept = await PostAsync(referent, "/admin/clubs/nouveau", $"/admin/clubs/{club.Id}/membres/{pendingA.Id}/accepter", []);
        var accepted = await PortalFactory.PostFormAsync(mine, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/membres/{pendingA.Id}/accepter", []);
        var declined = await PortalFactory.PostFormAsync(mine, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/membres/{pendingB.Id}/refuser", []);
        var forgedRemove = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/membres/{pendingA.Id}/retirer", []);

        Assert.Equal(HttpStatusCode.Forbidden, dashboardOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedAccept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedViaOwnClub.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, referentAccept.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedRemove.StatusCode);
        Assert.Equal(MembershipStatus.Accepted, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.Id == pendingA.Id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(MembershipStatus.Declined, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.Id == pendingB.Id).Select(m => m.Status).SingleAsync()));
        var removed = await PortalFactory.PostFormAsync(mine, $"/admin/clubs/{club.Id}", $"/admin/clubs/{club.Id}/membres/{pendingA.Id}/retirer", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(MembershipStatus.Left, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.Id == pendingA.Id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing_even_from_the_clubs_animator()
    {
        var club = await AddClubAsync(Factory, "18", "Club du Cher");
        var company = await AddCompanyAsync(Factory, "Porcelaine de Vierzon", "18100", CompanyStatus.Approved);
        var pending = await AddMemberAsync(Factory, club.Id, company.Id, MembershipStatus.Pending);
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur18"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));

        var response = await animator.PostAsync($"/admin/clubs/{club.Id}/membres/{pending.Id}/accepter", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MembershipStatus.Pending, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.Id == pending.Id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_clubs_animators_schedule_meetings_file_minutes_and_record_decisions()
    {
        var club = await AddClubAsync(Factory, "15", "Club du Cantal");
        var other = await AddClubAsync(Factory, "15", "Autre club du Cantal");
        var past = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(-2));
        var stranger = await Factory.CreateUserClientAsync(NewEmail("animateur-cantal-autre"), PortalRoles.ClubAnimator, (ScopeClaims.Club, other.Id.ToString()));
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent15"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "15"));
        var meetingFields = new Dictionary<string, string> { ["Title"] = "Forgée", ["Date"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), ["Start"] = "09:00", ["End"] = "10:00", ["Place"] = "Aurillac", ["Agenda"] = "ODJ", ["Capacity"] = "10" };

        var schedule = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/nouvelle", meetingFields);
        var referentSchedule = await PostAsync(referent, "/admin/clubs/nouveau", $"/admin/clubs/{club.Id}/rencontres/nouvelle", meetingFields);
        var minutes = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/{past.Id}/compte-rendu", [new("Minutes", "Forgé")]);
        var decision = await PostAsync(stranger, $"/admin/clubs/{other.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/{past.Id}/decisions", [new("Text", "Forgée")]);
        var view = await stranger.GetAsync($"/admin/clubs/{club.Id}/rencontres/{past.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, referentSchedule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, minutes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.False(await WithClubsDbAsync(Factory, db => db.Meetings.AnyAsync(m => m.Title == "Forgée")));
        Assert.Null(await WithClubsDbAsync(Factory, db => db.Meetings.Where(m => m.Id == past.Id).Select(m => m.Minutes).SingleAsync()));
        Assert.False(await WithClubsDbAsync(Factory, db => db.Decisions.AnyAsync(d => d.MeetingId == past.Id)));
    }

    [Fact]
    public async Task Bad_meeting_input_answers_400_in_french_and_keeps_the_form()
    {
        var club = await AddClubAsync(Factory, "16", "Club de Charente");
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur16"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));

        var response = await PortalFactory.PostFormAsync(animator, $"/admin/clubs/{club.Id}/rencontres/nouvelle", $"/admin/clubs/{club.Id}/rencontres/nouvelle", new()
        {
            ["Title"] = "Rencontre à garder", ["Date"] = "15/03/2027", ["Start"] = "9h", ["End"] = "10:00", ["Place"] = "", ["VideoUrl"] = "http://pas-sur", ["Agenda"] = "Ordre du jour gardé", ["Capacity"] = "zéro",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Saisissez la date au format AAAA-MM-JJ", html);
        Assert.Contains("Saisissez un nombre de places entre 1 et 10 000.", html);
        Assert.Contains("Saisissez un lien complet commençant par https://.", html);
        Assert.Contains("Rencontre à garder", html);
        Assert.Contains("Ordre du jour gardé", html);
        Assert.False(await WithClubsDbAsync(Factory, db => db.Meetings.AnyAsync(m => m.ClubId == club.Id)));
    }

    [Fact]
    public async Task The_dashboard_shows_pending_requests_commitments_by_theme_members_without_results_and_meetings()
    {
        var club = await AddClubAsync(Factory, "17", "Club de Charente-Maritime");
        var member = await AddCompanyAsync(Factory, "Chantier Naval Rochelais", "17000", CompanyStatus.Approved, null, (4, "JEUNES", "Accueillir des apprentis"), (4, "JEUNES", "Parrainer des jeunes"));
        var asking = await AddCompanyAsync(Factory, "Ostréiculture de Marennes", "17320", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, member.Id);
        await AddMemberAsync(Factory, club.Id, asking.Id, MembershipStatus.Pending);
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(5));
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur17"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));

        var html = await animator.GetStringAsync($"/admin/clubs/{club.Id}");

        Assert.Contains("Ostréiculture de Marennes", html);
        Assert.Contains("Accepter Ostréiculture de Marennes", html);
        Assert.Contains("Membres sans résultat déclaré", html);
        Assert.Contains("Chantier Naval Rochelais", html);
        Assert.Matches(@"4\. [^<]+</(td|th|a)>\s*<td[^>]*>\s*1\s*</td>\s*<td[^>]*>\s*2\s*</td>", html);
        Assert.Contains(meeting.Title, html);
    }
}
