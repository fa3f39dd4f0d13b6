using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Clubs.ClubsTestSupport;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Conventions.ConventionsTestSupport;

namespace Plan10000.Portal.Tests.Conventions;

public sealed class StateClubConventionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private static Dictionary<string, string> Draft(Guid clubId) => new()
    {
        ["ClubId"] = clubId.ToString(),
        ["Title"] = "Convention État–club de Côte-d’Or",
        ["StartsOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        ["EndsOn"] = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd"),
        ["Themes"] = "1",
        ["Body"] = "Les membres accueillent des stagiaires des quartiers.",
    };

    [Fact]
    public async Task Signed_figures_equal_the_members_planned_actions_at_signing_and_do_not_follow_later_edits()
    {
        var club = await AddClubAsync(Factory, "21", "Club de Côte-d’Or");
        var a = await AddCompanyAsync(Factory, "Moutarderie de Dijon", "21000", CompanyStatus.Approved, null, (1, "JEUNES", "Stages de 3e"), (1, "JEUNES", "Alternance"), (2, "JEUNES", "Parrainage"));
        var b = await AddCompanyAsync(Factory, "Cassis de Beaune", "21200", CompanyStatus.Approved, null, (1, "JEUNES", "Stages d’été"));
        var outsider = await AddCompanyAsync(Factory, "Hors club", "21000", CompanyStatus.Approved, null, (1, "JEUNES", "Ne compte pas"));
        await SetIntentionAsync(Factory, a.Id, 1, 4, "stages");
        await SetIntentionAsync(Factory, a.Id, 2, 2, "contrats");
        await SetIntentionAsync(Factory, b.Id, 1, 3, "Stages ");
        await SetIntentionAsync(Factory, outsider.Id, 1, 50, "stages");
        await AddMemberAsync(Factory, club.Id, a.Id);
        await AddMemberAsync(Factory, club.Id, b.Id);
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent21"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "21"));

        var created = await PortalFactory.PostFormAsync(referent, "/admin/conventions/club/nouvelle", "/admin/conventions/club/nouvelle", Draft(club.Id));
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var draftPage = WebUtility.HtmlDecode(await referent.GetStringAsync($"/admin/conventions/{id}"));
        await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/signataires", new() { ["Side"] = "State", ["Name"] = "Jeanne Préfète", ["Quality"] = "Préfète de la Côte-d’Or", ["SignedOn"] = "2026-11-20" });
        await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/signataires", new() { ["Side"] = "Partner", ["Name"] = "Paul Animateur", ["Quality"] = "Animateur du club", ["SignedOn"] = "2026-11-20" });

        // What the members planned at signing time, read through the Companies module's own query.
        using (var scope = Factory.Services.CreateScope())
        {
            var query = scope.ServiceProvider.GetRequiredService<ICompaniesQuery>();
            var expectedThemes = await query.GetCommitmentsByThemeAsync([a.Id, b.Id]);
            var expectedUnits = await query.GetPlannedIntentionsAsync([a.Id, b.Id]);
            var signed = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/signer", []);
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
            var frozen = await WithConventionsDbAsync(Factory, db => db.Figures.Where(f => f.ConventionId == id).ToListAsync());
            Assert.Equal(expectedThemes.Select(t => (t.ThemeNumero, t.Commitments, t.Companies)), frozen.Where(f => f.Unit == null).OrderBy(f => f.ThemeNumero).Select(f => (f.ThemeNumero, f.Commitments, f.Companies)));
            Assert.Equal(expectedUnits.Select(u => (u.ThemeNumero, u.Unit, u.Quantity)), frozen.Where(f => f.Unit != null).OrderBy(f => f.ThemeNumero).ThenBy(f => f.Unit, StringComparer.Ordinal).Select(f => (f.ThemeNumero, f.Unit!, f.Quantity)));
        }

        // The sums by hand: theme 1 has 3 lines from 2 companies; 4 + 3 « stages » (units trimmed, case folded), 2 « contrats ».
        var figures = await WithConventionsDbAsync(Factory, db => db.Figures.Where(f => f.ConventionId == id).ToListAsync());
        Assert.Contains(figures, f => f is { ThemeNumero: 1, Unit: null, Commitments: 3, Companies: 2 });
        Assert.Contains(figures, f => f is { ThemeNumero: 2, Unit: null, Commitments: 1, Companies: 1 });
        Assert.Contains(figures, f => f is { ThemeNumero: 1, Unit: "stages", Quantity: 7, Commitments: 2 });
        Assert.Contains(figures, f => f is { ThemeNumero: 1, Unit: "contrats", Quantity: 2 });
        Assert.Contains("Intentions chiffrées : stages", draftPage);

        // A member edits its fiche navette afterwards: a new line through the official API and a changed quantity.
        using (var scope = Factory.Services.CreateScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ICompanyCommitments>().AddCommitmentAsync(b.Id, 1, "Dix stages de plus", 10, "stages", 2027, "test"));
        }

        await SetIntentionAsync(Factory, a.Id, 1, 40, "stages");
        var after = await WithConventionsDbAsync(Factory, db => db.Figures.Where(f => f.ConventionId == id).ToListAsync());
        var signedPage = WebUtility.HtmlDecode(await referent.GetStringAsync($"/admin/conventions/{id}"));
        var document = WebUtility.HtmlDecode(await referent.GetStringAsync($"/admin/conventions/{id}/document"));

        Assert.Equal(figures.Select(f => (f.ThemeNumero, f.Unit, f.Commitments, f.Companies, f.Quantity)).Order(), after.Select(f => (f.ThemeNumero, f.Unit, f.Commitments, f.Companies, f.Quantity)).Order());
        Assert.Contains("Chiffres figés à la signature", signedPage);
        Assert.DoesNotContain(">57<", signedPage);
        Assert.Contains(">7<", document.Replace(" ", ""));
        Assert.Contains("Jeanne Préfète", document);
        Assert.Contains("Chiffres arrêtés à la signature", document);

        // A new draft of the same club follows the fiches: 40 + 3 + 10 stages now.
        var second = await PortalFactory.PostFormAsync(referent, "/admin/conventions/club/nouvelle", "/admin/conventions/club/nouvelle", Draft(club.Id));
        var live = WebUtility.HtmlDecode(await referent.GetStringAsync(second.Headers.Location!.OriginalString));
        Assert.Contains(">53<", live);
    }

    [Fact]
    public async Task Signing_needs_dates_themes_and_both_sides_and_answers_400_in_french()
    {
        var club = await AddClubAsync(Factory, "23", "Club de la Creuse");
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent23"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "23"));
        var fields = Draft(club.Id);
        fields["StartsOn"] = "";
        fields["EndsOn"] = "";
        fields.Remove("Themes");
        var created = await PortalFactory.PostFormAsync(referent, "/admin/conventions/club/nouvelle", "/admin/conventions/club/nouvelle", fields);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        var sign = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/signer", []);
        var html = WebUtility.HtmlDecode(await sign.Content.ReadAsStringAsync());
        var badDate = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/modifier", new() { ["Title"] = "Titre gardé", ["StartsOn"] = "20/11/2026", ["EndsOn"] = "2026-01-01" });
        var badHtml = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        var badSignatory = await PortalFactory.PostFormAsync(referent, $"/admin/conventions/{id}", $"/admin/conventions/{id}/signataires", new() { ["Side"] = "Roi", ["Name"] = "Nom gardé", ["Quality"] = "", ["SignedOn"] = "hier" });
        var signatoryHtml = WebUtility.HtmlDecode(await badSignatory.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, sign.StatusCode);
        Assert.Contains("Indiquez les dates de validité.", html);
        Assert.Contains("Choisissez au moins une thématique", html);
        Assert.Contains("Ajoutez le signataire de l’État", html);
        Assert.Equal(ConventionStatus.Draft, await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == Guid.Parse(id)).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Saisissez la date au format AAAA-MM-JJ", badHtml);
        Assert.Contains("Titre gardé", badHtml);
        Assert.Contains("20/11/2026", badHtml);
        Assert.Equal(HttpStatusCode.BadRequest, badSignatory.StatusCode);
        Assert.Contains("Choisissez pour qui signe la personne.", signatoryHtml);
        Assert.Contains("Indiquez la qualité du signataire", signatoryHtml);
        Assert.Contains("Nom gardé", signatoryHtml);
    }

    [Fact]
    public async Task Amendments_keep_their_history_and_move_the_end_of_validity()
    {
        var club = await AddClubAsync(Factory, "24", "Club de Dordogne");
        var end = DateTime.UtcNow.Date.AddDays(60);
        var convention = await AddConventionAsync(Factory, ConventionKind.StateClub, "24", "Club de Dordogne", ConventionStatus.Signed, DateTime.UtcNow.Date.AddYears(-1), end, club.Id);
        var referent = await Factory.CreateUserClientAsync(NewEmail("referent24"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "24"));
        var url = $"/admin/conventions/{convention.Id}";

        var first = await PortalFactory.PostFormAsync(referent, url, url + "/avenants", new() { ["Title"] = "Ajout d’une thématique", ["Text"] = "Le club s’engage aussi sur la thématique 4.", ["SignedOn"] = "2026-10-01" });
        var second = await PortalFactory.PostFormAsync(referent, url, url + "/avenants", new() { ["Title"] = "Prolongation", ["Text"] = "La convention est prolongée d’un an.", ["SignedOn"] = "2026-11-01", ["NewEndsOn"] = end.AddYears(1).ToString("yyyy-MM-dd") });
        var page = WebUtility.HtmlDecode(await referent.GetStringAsync(url));
        var editSigned = await PortalFactory.PostForgedAsync(referent, url, url + "/avenants", url + "/modifier", new() { ["Title"] = "Modifiée après signature" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var amendments = await WithConventionsDbAsync(Factory, db => db.Amendments.Where(a => a.ConventionId == convention.Id).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal([1, 2], amendments.Select(a => a.Number));
        Assert.Equal(end, amendments[1].PreviousEndsOn);
        Assert.Equal(end.AddYears(1), await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == convention.Id).Select(c => c.EndsOn).SingleAsync()));
        Assert.Contains("Ajout d’une thématique", page);
        Assert.Contains("Prolongation", page);
        Assert.Equal(HttpStatusCode.BadRequest, editSigned.StatusCode);
        Assert.Equal("Convention Club de Dordogne", await WithConventionsDbAsync(Factory, db => db.Conventions.Where(c => c.Id == convention.Id).Select(c => c.Title).SingleAsync()));
    }
}
