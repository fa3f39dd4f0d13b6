using System.Net;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed class TerritorialKitTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static Dictionary<string, string> Figures(string qpv) => new() { ["QpvCount"] = qpv, ["QpvPopulation"] = "42000", ["DefmQpv"] = "3100", ["PruCount"] = "4" };

    [Fact]
    public async Task A_referent_of_one_departement_cannot_edit_the_kit_of_another()
    {
        var referent = await fixture.Factory.CreateUserClientAsync("referent-ain@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "01"));
        var admin = await fixture.Factory.CreateAdminClientAsync();

        var own = await referent.GetAsync("/admin/territoires/01");
        var other = await referent.GetAsync("/admin/territoires/02");
        // A valid token from the referent's own form, posted to the other département's actions.
        var ownPage = await referent.GetStringAsync("/admin/territoires/01");
        var token = System.Text.RegularExpressions.Regex.Match(ownPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = Figures("99");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        var forged = await referent.PostAsync("/admin/territoires/02", new FormUrlEncodedContent(fields));
        var forgedContact = await referent.PostAsync("/admin/territoires/02/contacts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Contact.Structure"] = "cap-emploi",
            ["Contact.Name"] = "Intrus",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedContact.StatusCode);
        Assert.Equal(0, await ContentSeed.WithDbAsync(fixture.Factory, db => Task.FromResult(db.Kits.Count(k => k.DepartementCode == "02") + db.KitContacts.Count(c => c.DepartementCode == "02"))));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/territoires/02")).StatusCode);
    }

    [Fact]
    public async Task A_referent_updates_their_kit_and_the_public_page_shows_it_with_the_practical_sheets()
    {
        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Dispositif, "Aide à l’apprentissage", "Texte.");
        var referent = await fixture.Factory.CreateUserClientAsync("referent-ain-2@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "01"));

        var bad = await PortalFactory.PostFormAsync(referent, "/admin/territoires/01", "/admin/territoires/01", Figures("douze"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Saisissez un nombre entier positif", badHtml);
        Assert.Contains("value=\"douze\"", badHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(referent, "/admin/territoires/01", "/admin/territoires/01", Figures("12"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(referent, "/admin/territoires/01", "/admin/territoires/01/contacts", new()
        {
            ["Contact.Structure"] = "mission-locale",
            ["Contact.Name"] = "Mission locale de Bourg-en-Bresse",
            ["Contact.Email"] = "contact@ml-exemple.invalid",
        })).StatusCode);

        var page = await fixture.Factory.CreateClient().GetStringAsync("/territoires/01");
        // French grouping: a narrow no-break space, which the HTML encoder may write as an entity.
        Assert.Matches("42(\u202f|&#x202F;|&#xA0;|\u00a0| )000", page);
        Assert.Contains("Mission locale de Bourg-en-Bresse", page);
        Assert.Contains("Aide à l’apprentissage", page);
        Assert.Contains("Service compétent : Direccte", page);
    }
}
