using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Clubs;

public sealed class ClubsPublicTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Clubs_lists_every_departement_and_says_which_have_no_club_yet()
    {
        await AddClubAsync(Factory, "21", "Club de Côte-d’Or");
        await AddClubAsync(Factory, "22", "Club proposé des Côtes-d’Armor", ClubStatus.Proposed);

        var html = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs"));

        Assert.Contains("Club de Côte-d’Or", html);
        Assert.DoesNotContain("Club proposé des Côtes-d’Armor", html);
        Assert.Contains("Pas encore de club", html);
        Assert.Contains("/clubs/22", html);
        Assert.Contains("Mayotte", html);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateBrowserLikeClient().GetAsync("/clubs/00")).StatusCode);
        var sitemap = await Factory.CreateBrowserLikeClient().GetStringAsync("/sitemap.xml");
        Assert.Contains("/clubs/21", sitemap);
        Assert.DoesNotContain("/clubs/22<", sitemap);
    }

    [Fact]
    public async Task The_public_member_list_shows_only_the_approved_members_that_publish_their_name()
    {
        var club = await AddClubAsync(Factory, "23", "Club de la Creuse");
        var shown = await AddCompanyAsync(Factory, "Tapisserie d’Aubusson", "23200", CompanyStatus.Approved);
        var hidden = await AddCompanyAsync(Factory, "Discrète de Guéret", "23000", CompanyStatus.Approved, [PublicationItems.Commitments]);
        var pending = await AddCompanyAsync(Factory, "Demandeuse de la Souterraine", "23300", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, shown.Id);
        await AddMemberAsync(Factory, club.Id, hidden.Id);
        await AddMemberAsync(Factory, club.Id, pending.Id, MembershipStatus.Pending);

        var html = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs/23"));

        Assert.Contains("Tapisserie d’Aubusson", html);
        Assert.DoesNotContain("Discrète de Guéret", html);
        Assert.DoesNotContain("Demandeuse de la Souterraine", html);
    }

    [Fact]
    public async Task An_approved_company_asks_to_join_its_departements_club_and_can_leave_it()
    {
        var club = await AddClubAsync(Factory, "24", "Club de Dordogne");
        var local = await AddCompanyAsync(Factory, "Conserverie Périgourdine", "24000", CompanyStatus.Approved);
        var pendingCompany = await AddCompanyAsync(Factory, "Périgourdine en attente", "24100", CompanyStatus.Pending);
        var faraway = await AddCompanyAsync(Factory, "Savonnerie Lointaine", "13002", CompanyStatus.Approved);
        var company = await Factory.CreateUserClientAsync(NewEmail("conserverie"), PortalRoles.Company, (ScopeClaims.Company, local.Id.ToString()));
        var notApproved = await Factory.CreateUserClientAsync(NewEmail("attente"), PortalRoles.Company, (ScopeClaims.Company, pendingCompany.Id.ToString()));
        var outsider = await Factory.CreateUserClientAsync(NewEmail("lointaine"), PortalRoles.Company, (ScopeClaims.Company, faraway.Id.ToString()));

        var join = await PortalFactory.PostFormAsync(company, "/clubs/24", $"/clubs/24/{club.Id}/adhesion", []);
        var pageAfter = WebUtility.HtmlDecode(await company.GetStringAsync("/clubs/24"));
        var forgedPending = await PostAsync(notApproved, "/mon-entreprise", $"/clubs/24/{club.Id}/adhesion", []);
        var forgedOutside = await PostAsync(outsider, "/mon-entreprise", $"/clubs/24/{club.Id}/adhesion", []);
        var anonymous = await Factory.CreateBrowserLikeClient().PostAsync($"/clubs/24/{club.Id}/adhesion", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, join.StatusCode);
        Assert.Contains("Demande d’adhésion en attente", pageAfter);
        Assert.Equal(HttpStatusCode.Forbidden, forgedPending.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedOutside.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(MembershipStatus.Pending, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.ClubId == club.Id && m.CompanyId == local.Id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, await WithClubsDbAsync(Factory, db => db.Memberships.CountAsync(m => m.ClubId == club.Id)));

        await WithClubsDbAsync(Factory, async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.ClubId == club.Id);
            m.Status = MembershipStatus.Accepted;
            return await db.SaveChangesAsync();
        });
        var leave = await PortalFactory.PostFormAsync(company, "/clubs/24", $"/clubs/24/{club.Id}/depart", []);
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        Assert.Equal(MembershipStatus.Left, await WithClubsDbAsync(Factory, db => db.Memberships.Where(m => m.ClubId == club.Id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_company_space_points_to_the_club_of_its_departement_and_shows_its_membership()
    {
        var club = await AddClubAsync(Factory, "19", "Club de Corrèze");
        var member = await AddCompanyAsync(Factory, "Coutellerie de Tulle", "19000", CompanyStatus.Approved);
        var newcomer = await AddCompanyAsync(Factory, "Papeterie de Brive", "19100", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, member.Id);
        var memberClient = await Factory.CreateUserClientAsync(NewEmail("coutellerie"), PortalRoles.Company, (ScopeClaims.Company, member.Id.ToString()));
        var newcomerClient = await Factory.CreateUserClientAsync(NewEmail("papeterie"), PortalRoles.Company, (ScopeClaims.Company, newcomer.Id.ToString()));

        var memberSpace = WebUtility.HtmlDecode(await memberClient.GetStringAsync("/mon-entreprise"));
        var newcomerSpace = WebUtility.HtmlDecode(await newcomerClient.GetStringAsync("/mon-entreprise"));

        Assert.Contains("Club : Club de Corrèze", memberSpace);
        Assert.Contains("Votre entreprise est membre du club.", memberSpace);
        Assert.Contains("Demander à adhérer depuis la page du club", newcomerSpace);
        Assert.Contains("href=\"/clubs/19\"", newcomerSpace);
    }

    [Fact]
    public async Task Members_register_for_a_meeting_within_its_capacity_and_read_past_minutes()
    {
        var club = await AddClubAsync(Factory, "25", "Club du Doubs");
        var first = await AddCompanyAsync(Factory, "Horlogerie Bisontine", "25000", CompanyStatus.Approved);
        var second = await AddCompanyAsync(Factory, "Fromagerie Comtoise", "25300", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, first.Id);
        await AddMemberAsync(Factory, club.Id, second.Id);
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(7), capacity: 1);
        var past = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddDays(-7));
        await WithClubsDbAsync(Factory, async db =>
        {
            (await db.Meetings.SingleAsync(m => m.Id == past.Id)).Minutes = "Compte rendu réservé aux membres";
            return await db.SaveChangesAsync();
        });
        var a = await Factory.CreateUserClientAsync(NewEmail("horlogerie"), PortalRoles.Company, (ScopeClaims.Company, first.Id.ToString()));
        var b = await Factory.CreateUserClientAsync(NewEmail("fromagerie"), PortalRoles.Company, (ScopeClaims.Company, second.Id.ToString()));

        var firstRegistration = await PortalFactory.PostFormAsync(a, "/clubs/25", $"/clubs/25/rencontres/{meeting.Id}/inscription", []);
        var full = await PostAsync(b, "/clubs/25", $"/clubs/25/rencontres/{meeting.Id}/inscription", []);
        var memberPage = WebUtility.HtmlDecode(await a.GetStringAsync("/clubs/25"));
        var publicPage = WebUtility.HtmlDecode(await Factory.CreateBrowserLikeClient().GetStringAsync("/clubs/25"));

        Assert.Equal(HttpStatusCode.Redirect, firstRegistration.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        Assert.Contains("est complète (1 places)", WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync()));
        Assert.Equal(1, await WithClubsDbAsync(Factory, db => db.Registrations.CountAsync(r => r.MeetingId == meeting.Id)));
        Assert.Contains("Compte rendu réservé aux membres", memberPage);
        Assert.Contains(meeting.Title, publicPage);
        Assert.DoesNotContain("Compte rendu réservé aux membres", publicPage);
    }

    [Fact]
    public async Task A_decision_for_a_member_becomes_a_new_commitment_on_its_fiche_navette()
    {
        var club = await AddClubAsync(Factory, "26", "Club de la Drôme");
        var company = await AddCompanyAsync(Factory, "Nougaterie de Montélimar", "26200", CompanyStatus.Approved);
        var outsider = await AddCompanyAsync(Factory, "Non membre de la Drôme", "26000", CompanyStatus.Approved);
        await AddMemberAsync(Factory, club.Id, company.Id);
        var meeting = await AddMeetingAsync(Factory, club.Id, DateTime.UtcNow.AddHours(-3));
        await WithClubsDbAsync(Factory, async db =>
        {
            db.Registrations.Add(new MeetingRegistration { MeetingId = meeting.Id, CompanyId = company.Id, RegisteredAtUtc = DateTime.UtcNow.AddDays(-1) });
            return await db.SaveChangesAsync();
        });
        var animator = await Factory.CreateUserClientAsync(NewEmail("animateur26"), PortalRoles.ClubAnimator, (ScopeClaims.Club, club.Id.ToString()));
        var page = $"/admin/clubs/{club.Id}/rencontres/{meeting.Id}";

        var minutes = await PortalFactory.PostFormAsync(animator, page, page + "/compte-rendu", new() { ["Minutes"] = "Tour de table des engagements.", ["Attended"] = company.Id.ToString() });
        var notMember = await PortalFactory.PostFormAsync(animator, page, page + "/decisions", new() { ["Text"] = "Décision invalide", ["CompanyId"] = outsider.Id.ToString(), ["ThemeNumero"] = "4" });
        var decision = await PortalFactory.PostFormAsync(animator, page, page + "/decisions", new() { ["Text"] = "Accueillir trois stagiaires de 3e", ["CompanyId"] = company.Id.ToString(), ["ThemeNumero"] = "4", ["Quantity"] = "3", ["Unit"] = "stagiaires", ["Year"] = "2027" });

        Assert.Equal(HttpStatusCode.Redirect, minutes.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("Choisissez une entreprise membre du club.", WebUtility.HtmlDecode(await notMember.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        Assert.True(await WithClubsDbAsync(Factory, db => db.Registrations.Where(r => r.MeetingId == meeting.Id).Select(r => r.Attended == true).SingleAsync()));
        var line = await WithDbAsync(Factory, db => db.Commitments.SingleAsync(c => c.CompanyId == company.Id && c.Description == "Accueillir trois stagiaires de 3e"));
        Assert.Equal(4, line.ThemeNumero);
        Assert.Equal(3, line.IntentionQuantity);
        Assert.Equal("stagiaires", line.IntentionUnit);
        Assert.Equal(2, await WithDbAsync(Factory, db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.FicheVersion).SingleAsync()));
        Assert.Equal(line.Id, await WithClubsDbAsync(Factory, db => db.Decisions.Where(d => d.MeetingId == meeting.Id).Select(d => d.CommitmentId).SingleAsync()));
        Assert.False(await WithDbAsync(Factory, db => db.Commitments.AnyAsync(c => c.CompanyId == outsider.Id)));
    }

    [Fact]
    public async Task Every_ics_is_valid_rfc_5545_in_europe_paris_and_parses()
    {
        var club = await AddClubAsync(Factory, "27", "Club de l’Eure");
        var agenda = "Point 1 : accueil, café; point 2 : bilan\nPoint 3 : « questions diverses » avec un texte assez long pour être plié sur plusieurs lignes, accentué éèàçô, et encore du texte";
        var summer = await AddMeetingAsync(Factory, club.Id, new DateTime(2027, 7, 1, 7, 30, 0, DateTimeKind.Utc), agenda: agenda);
        await AddMeetingAsync(Factory, club.Id, new DateTime(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        var client = Factory.CreateBrowserLikeClient();

        var single = await client.GetAsync($"/clubs/27/rencontres/{summer.Id}.ics");
        var feed = await client.GetAsync("/clubs/27/calendrier.ics");

        foreach (var response in new[] { single, feed })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            StrictCheck(text);
            var calendar = Ical.Net.Calendar.Load(text)!;
            Assert.Contains(calendar.TimeZones, t => t.TzId == "Europe/Paris");
            Assert.NotEmpty(calendar.Events);
            Assert.All(calendar.Events, e =>
            {
                Assert.Equal("Europe/Paris", e.DtStart!.TzId);
                Assert.Equal("Europe/Paris", e.DtEnd!.TzId);
            });
        }

        var parsed = Ical.Net.Calendar.Load(await single.Content.ReadAsStringAsync())!;
        var evt = Assert.Single(parsed.Events);
        Assert.Equal(new DateTime(2027, 7, 1, 9, 30, 0), evt.DtStart!.Value);
        Assert.Contains("accueil, café; point 2", evt.Description);
        Assert.Contains("\n", evt.Description);
        Assert.Equal(2, Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events.Count);
        Assert.Contains(Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events, e => e.DtStart!.Value == new DateTime(2027, 1, 15, 9, 0, 0));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/clubs/28/rencontres/{summer.Id}.ics")).StatusCode);
    }

    /// <summary>What a lenient parser forgives: CRLF only, 75-octet lines, folding with one space, escaped text, TZID everywhere.</summary>
    private static void StrictCheck(string text)
    {
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = text[..^2].Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, "Ligne de plus de 75 octets : " + l));
        var unfolded = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith(' '))
            {
                unfolded[^1] += line[1..];
            }
            else
            {
                unfolded.Add(line);
            }
        }

        Assert.Contains("VERSION:2.0", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Contains("BEGIN:VTIMEZONE", unfolded);
        Assert.Contains("TZID:Europe/Paris", unfolded);
        var starts = unfolded.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) && unfolded.IndexOf(l) > unfolded.IndexOf("END:VTIMEZONE")).ToList();
        Assert.NotEmpty(starts);
        Assert.All(starts, l => Assert.Matches(@"^DTSTART;TZID=Europe/Paris:\d{8}T\d{6}$", l));
        Assert.All(unfolded.Where(l => l.StartsWith("DTEND", StringComparison.Ordinal)), l => Assert.Matches(@"^DTEND;TZID=Europe/Paris:\d{8}T\d{6}$", l));
        Assert.All(unfolded.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)), l => Assert.EndsWith("@plan10000", l));
        foreach (var property in unfolded.Where(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) || l.StartsWith("SUMMARY:", StringComparison.Ordinal) || l.StartsWith("LOCATION:", StringComparison.Ordinal)))
        {
            var value = property[(property.IndexOf(':') + 1)..];
            Assert.DoesNotMatch(@"(?<!\\)[;,]", value.Replace("\\\\", "", StringComparison.Ordinal));
        }

        Assert.Equal(unfolded.Count(l => l == "BEGIN:VEVENT"), unfolded.Count(l => l == "END:VEVENT"));
    }
}
