using System.Net;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class ScopeAndPermissionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_referent_of_one_departement_gets_403_on_another_departement()
    {
        var referent = await fixture.Factory.CreateUserClientAsync("referent.75@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "75"));

        var own = await referent.GetAsync("/admin/referentiels/departements/75");
        var other = await referent.GetAsync("/admin/referentiels/departements/13");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Paris (75)", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Accès refusé", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_referent_invites_intermediation_actors_only_inside_their_departements()
    {
        var referent = await fixture.Factory.CreateUserClientAsync("referent.33@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "33"));

        Task<HttpResponseMessage> Invite(string email, string role, string departements) => PortalFactory.PostFormAsync(referent, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "Mission locale",
            ["Role"] = role,
            ["Departements"] = departements,
        });

        var inside = await Invite("ml.bordeaux@test.fr", PortalRoles.IntermediationActor, "33");
        var outside = await Invite("ml.lille@test.fr", PortalRoles.IntermediationActor, "33, 59");
        var otherRole = await Invite("redac@test.fr", PortalRoles.Editor, "33");

        Assert.Equal(HttpStatusCode.Redirect, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherRole.StatusCode);
        Assert.Equal("/compte/reinitialiser-mot-de-passe", (await fixture.Factory.WaitForMailLinkAsync("ml.bordeaux@test.fr", "Invitation")).Split('?')[0]);
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var log = await admin.GetStringAsync("/admin/courriels?recipient=ml.bordeaux&status=envoyé");
        Assert.Contains("<td>compte-invitation</td>", log);
        Assert.Contains("1 courriel(s)", log);
        Assert.Contains("0 courriel(s)", await admin.GetStringAsync("/admin/courriels?recipient=ml.bordeaux&status=échec"));
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync("/admin/courriels")).StatusCode);
    }

    [Fact]
    public async Task An_editor_cannot_reach_user_management()
    {
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur@test.gouv.fr", PortalRoles.Editor);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/utilisateurs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/utilisateurs/inviter")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        Assert.DoesNotContain("/admin/utilisateurs", await editor.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task A_permission_withdrawn_in_the_back_office_is_refused_at_once()
    {
        // A portal of its own: the grants changed here must not leak into the other tests.
        using var factory = new PortalFactory();
        var referent = await factory.CreateUserClientAsync("referent.59@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "59"));
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/admin/referentiels")).StatusCode);
        var admin = await factory.CreateAdminClientAsync();
        var matrix = await admin.GetStringAsync("/admin/roles");
        Assert.Contains("value=\"ReferentTerritorial|ViewReferentials\" checked=\"checked\"", matrix);

        // Keep every grant shown as checked except the one withdrawn.
        var kept = System.Text.RegularExpressions.Regex.Matches(matrix, "value=\"([^\"]+)\" checked=\"checked\"")
            .Select(m => m.Groups[1].Value).Where(v => v != "ReferentTerritorial|ViewReferentials").ToList();
        var page = await admin.GetStringAsync("/admin/roles");
        var token = System.Text.RegularExpressions.Regex.Match(page[page.IndexOf("action=\"/admin/roles\"", StringComparison.Ordinal)..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = kept.Select(v => new KeyValuePair<string, string>("grant", v)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        var saved = await admin.PostAsync("/admin/roles", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync("/admin/referentiels")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/admin/utilisateurs/inviter")).StatusCode);
        Assert.Contains("permissions-modifiees", await admin.GetStringAsync("/admin/journal"));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task The_national_admin_lists_searches_and_edits_users_and_scopes()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var invited = await PortalFactory.PostFormAsync(admin, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", new()
        {
            ["Email"] = "prefecture.var@test.gouv.fr",
            ["DisplayName"] = "Préfecture du Var",
            ["Role"] = PortalRoles.TerritorialReferent,
            ["Departements"] = "83",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var list = await admin.GetStringAsync("/admin/utilisateurs?q=prefecture.var");
        var id = System.Text.RegularExpressions.Regex.Match(list, "/admin/utilisateurs/([0-9a-f-]{36})").Groups[1].Value;
        Assert.Contains("Préfecture du Var", list);
        Assert.Contains("83", list);

        var badScope = await PortalFactory.PostFormAsync(admin, $"/admin/utilisateurs/{id}", $"/admin/utilisateurs/{id}", new()
        {
            ["Email"] = "prefecture.var@test.gouv.fr",
            ["DisplayName"] = "Préfecture du Var",
            ["Role"] = PortalRoles.TerritorialReferent,
            ["Departements"] = "83, 99",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Contains("Département inconnu : 99", await badScope.Content.ReadAsStringAsync());
        Assert.Contains("value=\"83, 99\"", await badScope.Content.ReadAsStringAsync());

        var changed = await PortalFactory.PostFormAsync(admin, $"/admin/utilisateurs/{id}", $"/admin/utilisateurs/{id}", new()
        {
            ["Email"] = "prefecture.var@test.gouv.fr",
            ["DisplayName"] = "Préfecture du Var",
            ["Role"] = PortalRoles.TerritorialReferent,
            ["Departements"] = "83, 06",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var audit = await admin.GetStringAsync("/admin/journal?type=perimetres-modifies");
        Assert.Contains("83 → 83, 06", audit);
        Assert.Contains("utilisateur-invite", await admin.GetStringAsync("/admin/journal"));
    }
}

public sealed class DelegatedUserManagementTests
{
    [Fact]
    public async Task A_referent_granted_manage_users_still_cannot_list_edit_or_promote_accounts()
    {
        using var factory = new PortalFactory();
        var referent = await factory.CreateUserClientAsync("referent.69@test.gouv.fr", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "69"));
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services))
        {
            var grants = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IPermissionGrants>(scope.ServiceProvider);
            var all = await grants.GetGrantsAsync();
            await grants.SetGrantsAsync([.. all, (PortalRoles.TerritorialReferent, "ManageUsers")]);
        }

        var ownId = System.Text.RegularExpressions.Regex.Match(await (await factory.CreateAdminClientAsync()).GetStringAsync("/admin/utilisateurs?q=referent.69"), "/admin/utilisateurs/([0-9a-f-]{36})").Groups[1].Value;
        var list = await referent.GetAsync("/admin/utilisateurs");
        var roles = await referent.GetAsync("/admin/roles");
        var promote = await PortalFactory.PostForgedAsync(referent, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", $"/admin/utilisateurs/{ownId}", new()
        {
            ["Email"] = "referent.69@test.gouv.fr",
            ["DisplayName"] = "Moi",
            ["Role"] = PortalRoles.NationalAdmin,
        });
        var club = await PortalFactory.PostFormAsync(referent, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", new()
        {
            ["Email"] = "acteur.club@test.fr",
            ["DisplayName"] = "Acteur",
            ["Role"] = PortalRoles.IntermediationActor,
            ["Departements"] = "69",
            ["Club"] = "un-autre-club",
        });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, club.StatusCode);
        Assert.Contains("value=\"ReferentTerritorial\" selected=\"selected\"", await (await factory.CreateAdminClientAsync()).GetStringAsync($"/admin/utilisateurs/{ownId}"));
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
