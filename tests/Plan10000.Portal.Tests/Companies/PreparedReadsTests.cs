using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>
/// The showcase's reads are prepared on PostgreSQL (ADR 0032): the server keeps them on the connection, so a visit no
/// longer pays for parsing and planning. Read from <c>pg_prepared_statements</c> on the connection that ran them.
/// </summary>
public sealed class PreparedReadsTests
{
    [SkippableFact]
    public async Task Showcase_reads_stay_prepared_on_their_connection_and_keep_their_results()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("prepared");
        using var factory = new PortalFactory(settings: database.PortalSettings);
        for (var i = 0; i < 30; i++)
        {
            await AddCompanyAsync(factory, $"Préparée {i:00}", "59000", CompanyStatus.Approved, null, (1, "JEUNES", "Stages"));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var showcase = scope.ServiceProvider.GetRequiredService<ShowcaseQuery>();
        // Opened here, the connection stays open across the searches, so its prepared statements can be read after them.
        await db.Database.OpenConnectionAsync();

        Task<ShowcasePage> PageAsync(int page) => showcase.SearchAsync(new ShowcaseFilter(null, null, null, null, null, null, null, page, PageSize: 10), ShowcaseDetail.Full, default);
        var first = await PageAsync(1);
        var second = await PageAsync(2);
        var again = await PageAsync(2);
        var prepared = await PreparedAsync(db);

        Assert.Equal(["Préparée 00", "Préparée 09"], [first.Companies[0].Name, first.Companies[^1].Name]);
        Assert.Equal(["Préparée 10", "Préparée 19"], [second.Companies[0].Name, second.Companies[^1].Name]);
        Assert.Equal(second.Companies.Select(c => c.Id), again.Companies.Select(c => c.Id));
        Assert.All(second.Companies, c => Assert.Single(c.Commitments));
        Assert.Contains(prepared, s => s.Contains("count(*)", StringComparison.Ordinal));
        Assert.Contains(prepared, s => s.Contains("\"Companies_Commitments\"", StringComparison.Ordinal));
        Assert.Contains(prepared, s => s.Contains("OFFSET", StringComparison.Ordinal));
        // Prepared once per SQL text: the second visit of page 2 found its statement again.
        Assert.Equal(prepared.Count, prepared.Distinct().Count());
        Assert.All(prepared, s => Assert.StartsWith("-- " + QueryTags.Prepared, s));
    }

    [SkippableFact]
    public async Task A_tagged_read_inside_a_transaction_is_not_prepared()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("unprepared");
        using var factory = new PortalFactory(settings: database.PortalSettings);
        await AddCompanyAsync(factory, "Transactionnelle", "59000", CompanyStatus.Approved);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var showcase = scope.ServiceProvider.GetRequiredService<ShowcaseQuery>();
        await db.Database.OpenConnectionAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await showcase.Listed().CountAsync(c => c.City != "Nulle part"));
            await transaction.RollbackAsync();
        }

        var inTransaction = await PreparedAsync(db);
        Assert.Equal(1, await showcase.Listed().CountAsync(c => c.City != "Nulle part"));
        var outside = await PreparedAsync(db);

        Assert.DoesNotContain(inTransaction, s => s.Contains("Nulle part", StringComparison.Ordinal) || s.Contains("\"City\"", StringComparison.Ordinal));
        Assert.Contains(outside, s => s.Contains("\"City\"", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PreparedAsync(CompaniesDbContext db)
        => await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
}
