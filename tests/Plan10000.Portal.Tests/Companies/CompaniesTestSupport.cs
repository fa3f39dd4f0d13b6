using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Companies;

internal static partial class CompaniesTestSupport
{
    private static int counter = 10_000_000;

    /// <summary>A fresh valid SIREN per call, so tests sharing a portal never collide.</summary>
    public static string NewSiren() => Siret.WithKey("8" + Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture)[1..]);

    /// <summary>Posts a form that may repeat a name (checkboxes), with the antiforgery token read from any page holding a form.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(tokenPage);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"Pas de jeton antiforgery sur {tokenPage}");
        var all = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static async Task<Company> AddCompanyAsync(PortalFactory factory, string name, string postcode, CompanyStatus status, string[]? consents = null, params (int Theme, string Publics, string Description)[] commitments)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var siren = NewSiren();
        var company = new Company
        {
            Siren = siren,
            Siret = Siret.WithKey(siren + "0001"),
            Name = name,
            Slug = TextNormalizer.Slug(name) + "-" + siren,
            SizeCode = "PME",
            SectorCode = "INDUSTRIE",
            Address = "1 rue de test",
            Postcode = postcode,
            City = "Ville",
            DepartementCode = Postcode.Departement(postcode)!,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            FicheVersion = 1,
        };
        CompanyService.SetConsents(company, consents ?? [.. PublicationItems.Labels.Select(l => l.Key)], DateTimeOffset.UtcNow);
        var position = 1;
        foreach (var (theme, publics, description) in commitments)
        {
            company.Commitments.Add(new Commitment { CompanyId = company.Id, Position = position++, ThemeNumero = theme, PublicCodes = CompanyService.JoinPublics(publics.Split(',')), Description = description });
        }

        CompanyService.RefreshSearchText(company);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company;
    }

    /// <summary>Grants or takes back a company's consent to show its name, saved alone (the company itself not loaded).</summary>
    public static Task<int> SetNameConsentAsync(PortalFactory factory, Guid companyId, bool granted) => WithDbAsync(factory, async db =>
    {
        (await db.Consents.SingleAsync(x => x.CompanyId == companyId && x.Item == PublicationItems.Name)).Granted = granted;
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// The plan the portal's database gives <paramref name="sql"/>, one line per step: SQLite's <c>EXPLAIN QUERY PLAN</c>,
    /// or PostgreSQL's <c>EXPLAIN</c> with sequential scans switched off, since a test's few companies are cheaper to read
    /// whole and the question is whether an index can serve the query. <paramref name="parameters"/> are <c>@p0</c>, <c>@p1</c>…
    /// </summary>
    public static Task<string> PlanAsync(PortalFactory factory, string sql, params object[] parameters) => WithDbAsync(factory, async db =>
    {
        var sqlite = db.Database.ProviderName == ProviderNames.Sqlite;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (!sqlite)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(sqlite ? 3 : 0));
        }

        return string.Join("\n", lines);
    });

    /// <summary>The plan of SQL written by the module as a <see cref="FormattableString"/>, its holes passed as parameters.</summary>
    public static Task<string> PlanAsync(PortalFactory factory, FormattableString sql)
        => PlanAsync(factory, string.Format(CultureInfo.InvariantCulture, sql.Format, [.. sql.GetArguments().Select((_, i) => (object)$"@p{i}")]), sql.GetArguments()!);

    public static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<CompaniesDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<CompaniesDbContext>());
    }

    /// <summary>Waits for the job server to drop a mail to <paramref name="to"/> in the pickup folder; returns its text part.</summary>
    public static async Task<string> WaitForMailAsync(PortalFactory factory, string to)
    {
        var folder = Path.Combine(factory.DataDirectory, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                // Only finished mails: the sender writes a .eml.tmp and renames it, which a read in between did not find.
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(to, StringComparison.Ordinal))
                    {
                        return MimeKit.MimeMessage.Load(file).TextBody ?? "";
                    }
                }
            }

            await Task.Delay(300);
        }

        throw new Xunit.Sdk.XunitException($"Aucun courriel pour {to} dans {folder}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
