using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;
using static Plan10000.Portal.Tests.Companies.SignupWizardTests;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// A stand-in for the « API Recherche d’entreprises » on 127.0.0.1 and a random port, answering in the register's JSON
/// shape; the portal is pointed at it with a 500 ms timeout, so the real register is never called.
/// </summary>
public sealed class SireneRegisterFixture : IAsyncLifetime
{
    private WebApplication? register;

    /// <summary>How the stand-in answers a SIRET: « open », « closed », « slow », « error »; anything else finds nothing.</summary>
    public ConcurrentDictionary<string, string> Answers { get; } = new();

    public ConcurrentQueue<string> Queries { get; } = new();

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        register = builder.Build();
        register.MapGet("/search", async (HttpContext context) =>
        {
            var siret = context.Request.Query["q"].ToString();
            Queries.Enqueue(siret);
            switch (Answers.GetValueOrDefault(siret))
            {
                case "slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                    return Results.Json(Page(siret, "A"));
                case "error":
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                case "open":
                    return Results.Json(Page(siret, "A"));
                case "closed":
                    return Results.Json(Page(siret, "F"));
                default:
                    return Results.Json(new { results = Array.Empty<object>(), total_results = 0, page = 1, per_page = 10, total_pages = 0 });
            }
        });
        await register.StartAsync();
        Factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Sirene:BaseUrl"] = register.Urls.Single(),
            ["Portal:Sirene:TimeoutSeconds"] = "0.5",
        });
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        PortalFixture.TryDelete(Factory.DataDirectory);
        if (register is not null)
        {
            await register.DisposeAsync();
        }
    }

    /// <summary>One result as the register gives it: the legal unit, its head office elsewhere, and the establishment searched for.</summary>
    private static object Page(string siret, string state) => new
    {
        results = new[]
        {
            new
            {
                siren = siret[..9],
                nom_complet = "BOULANGERIE DU REGISTRE",
                nom_raison_sociale = "BOULANGERIE DU REGISTRE",
                activite_principale = "10.71C",
                tranche_effectif_salarie = "12",
                categorie_entreprise = "PME",
                etat_administratif = "A",
                siege = new
                {
                    siret = siret[..9] + "00019",
                    adresse = "1 PLACE DU SIEGE 69002 LYON",
                    numero_voie = "1",
                    type_voie = "PL",
                    libelle_voie = "DU SIEGE",
                    code_postal = "69002",
                    libelle_commune = "LYON",
                    etat_administratif = "A",
                    activite_principale = "70.10Z",
                },
                matching_etablissements = new[]
                {
                    new
                    {
                        siret,
                        adresse = "12 RUE DES LILAS 75011 PARIS",
                        numero_voie = "12",
                        type_voie = "RUE",
                        libelle_voie = "DES LILAS",
                        code_postal = "75011",
                        libelle_commune = "PARIS",
                        etat_administratif = state,
                        activite_principale = "10.71C",
                    },
                },
            },
        },
        total_results = 1,
        page = 1,
        per_page = 10,
        total_pages = 1,
    };
}

public sealed class SireneSignupTests(SireneRegisterFixture fixture) : IClassFixture<SireneRegisterFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private string NewSiret(string answer)
    {
        var siret = Siret.WithKey(NewSiren() + "0002");
        fixture.Answers[siret] = answer;
        return siret;
    }

    [Fact]
    public async Task An_open_establishment_prefills_the_blank_fields_keeps_what_was_typed_and_signs_up()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "ouvert@sirene.test");
        var siret = NewSiret("open");

        // « Rechercher » with the SIRET alone: every field comes back filled, no error on the fields not typed yet.
        var lookup = await PostAsync(client, "/inscription", "/inscription/entreprise", [new("Siret", siret), new("operation", SireneSignupStep.LookupOperation)]);
        var html = WebUtility.HtmlDecode(await lookup.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Contains("Informations proposées par le répertoire Sirene", html);
        Assert.Contains("value=\"BOULANGERIE DU REGISTRE\"", html);
        Assert.Contains("value=\"12 RUE DES LILAS\"", html);
        Assert.Contains("value=\"75011\"", html);
        Assert.Contains("value=\"PARIS\"", html);
        Assert.Contains("value=\"10.71C\"", html);
        Assert.Matches("value=\"PME\"[^>]*selected", html);
        Assert.Matches("value=\"INDUSTRIE\"[^>]*selected", html);
        Assert.Contains("20 à 49 salariés", html);
        Assert.DoesNotContain("Le formulaire contient des erreurs", html);
        Assert.Contains("Étape 2 sur 5", html);

        // Saving with a name typed and the rest blank: the typed name stays, the blanks are proposed, nothing moves on yet.
        var typed = await PostAsync(client, "/inscription", "/inscription/entreprise", [new("Siret", siret), new("Name", "Boulangerie Sainte-Anne"), new("Website", "https://exemple.fr")]);
        var typedHtml = WebUtility.HtmlDecode(await typed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("value=\"Boulangerie Sainte-Anne\"", typedHtml);
        Assert.Contains("value=\"https://exemple.fr\"", typedHtml);
        Assert.Contains("value=\"12 RUE DES LILAS\"", typedHtml);

        // Confirmed as proposed (one field edited): the wizard moves on with the edited value.
        var saved = await PostAsync(client, "/inscription", "/inscription/entreprise",
        [
            new("Siret", siret), new("Name", "Boulangerie Sainte-Anne"), new("SizeCode", "PME"), new("SectorCode", "ARTISANAT"), new("NafCode", "10.71C"),
            new("Address", "12 RUE DES LILAS"), new("Postcode", "75011"), new("City", "PARIS"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Étape 3 sur 5", await client.GetStringAsync("/inscription"));
        var back = WebUtility.HtmlDecode(await client.GetStringAsync("/inscription?etape=2"));
        Assert.Contains("value=\"10.71C\"", back);
        Assert.Matches("value=\"ARTISANAT\"[^>]*selected", back);
        Assert.Contains(siret, fixture.Queries);
    }

    [Theory]
    [InlineData("closed", "Cet établissement est fermé selon le répertoire Sirene (état administratif « fermé »)")]
    [InlineData("unknown", "Ce numéro SIRET est introuvable dans le répertoire Sirene")]
    public async Task A_closed_or_unknown_establishment_is_refused_next_to_the_siret_and_nothing_typed_is_lost(string answer, string message)
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, $"refus-{answer}@sirene.test");
        var siret = NewSiret(answer);

        var response = await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(siret, "Boulangerie Refusée"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Next to the SIRET field: between its label and the next field's.
        var at = html.IndexOf(message, StringComparison.Ordinal);
        Assert.InRange(at, html.IndexOf("Numéro SIRET de l’établissement", StringComparison.Ordinal), html.IndexOf("Nom de l’entreprise", StringComparison.Ordinal));
        Assert.Contains("value=\"Boulangerie Refusée\"", html);
        Assert.Contains("value=\"12 rue de la Roquette\"", html);
        Assert.Contains($"value=\"{siret}\"", html);
        Assert.Contains("Étape 2 sur 5", await client.GetStringAsync("/inscription"));
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("error")]
    public async Task A_slow_or_failing_register_lets_sign_up_go_on_with_the_key_check_and_says_so(string answer)
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, $"{answer}@sirene.test");
        var siret = NewSiret(answer);

        var watch = Stopwatch.StartNew();
        var response = await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(siret, "Boulangerie Patiente"));
        watch.Stop();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"The register's 5 s delay was waited for: {watch.Elapsed}.");
        var next = WebUtility.HtmlDecode(await client.GetStringAsync("/inscription"));
        Assert.Contains("Étape 3 sur 5", next);
        Assert.Contains("Le répertoire Sirene n’a pas répondu à temps : votre numéro SIRET a été contrôlé par sa clé seulement", next);
        Assert.Contains(siret, fixture.Queries);

        // A wrong key is still refused without asking the register.
        var badKey = siret[..13] + (char)('0' + ((siret[13] - '0' + 1) % 10));
        var refused = await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(badKey, "Boulangerie Patiente"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain(badKey, fixture.Queries);
    }
}
