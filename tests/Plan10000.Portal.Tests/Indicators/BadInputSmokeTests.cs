using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>Odd query strings and route values on the merged modules' pages answer 4xx or 200, never a 500.</summary>
public sealed class BadInputSmokeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    public static TheoryData<string> Urls() =>
    [
        "/tableau-de-bord/indicateurs?departement=%00%27&theme=-1&periode=2024-T9",
        "/tableau-de-bord/indicateurs?periode=" + new string('9', 5000),
        "/api/v1/indicateurs/valeurs?page=-5&taillePage=-1&periode=zzz&theme=99999999999",
        "/api/v1/indicateurs/valeurs?page=2147483647&taillePage=2147483647",
        "/api/v1/indicateurs/valeurs?region=" + new string('x', 3000),
        "/presse/ZZ",
        "/presse/ZZ/entreprises.csv",
        "/presse/2A",
        "/clubs/ZZ/lettre",
        "/clubs/56/lettre/00000000-0000-0000-0000-000000000000/00000000-0000-0000-0000-000000000000",
        "/lettre/confirmer?jeton=abc",
        "/lettre/confirmer?jeton=" + new string('A', 4000),
        "/lettre/desinscription?jeton=%%%",
        "/lettre/desinscription",
        "/admin/indicateurs/tableau-de-bord/departement/ZZ?format=pdf",
        "/admin/indicateurs/tableau-de-bord/national?format=xlsx&periode=2024-T5&theme=-3",
        "/admin/indicateurs/tableau-de-bord/region/ZZ",
        "/admin/indicateurs/rapport/56?periode=1999-T1&format=csv",
        "/admin/indicateurs/rapport/ZZ",
        "/admin/indicateurs/departements/56/valeurs?periode=abc",
        "/admin/conventions/bilans/56/2017/1",
        "/admin/conventions/bilans/56/2024/3",
        "/admin/conventions/paqte/nouvelle?departement=ZZZZ",
        "/admin/conventions/club/nouvelle?club=abc",
        "/admin/conventions/echeances",
        "/admin/conventions/chartes",
        "/admin/conventions/bilans",
        "/admin/lettres/nouvelle?club=00000000-0000-0000-0000-000000000000",
        "/admin/lettres/nouvelle?club=abc",
        "/admin/fiches-navettes?departement=ZZ&page=-3",
        "/admin/entreprises/problemes?page=-1&statut=zz",
        "/admin/rappels",
        "/entreprises-engagees?page=-4&taille=-1&tri=zz&departement=%27",
        "/admin/indicateurs/campagnes/00000000-0000-0000-0000-000000000000?departement=ZZ",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task A_malformed_request_never_answers_500(string url)
    {
        var admin = await Factory.CreateAdminClientAsync();
        var response = await admin.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
