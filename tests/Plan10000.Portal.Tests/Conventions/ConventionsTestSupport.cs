using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Conventions;

internal static class ConventionsTestSupport
{
    public static async Task<T> WithConventionsDbAsync<T>(PortalFactory factory, Func<ConventionsDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<ConventionsDbContext>());
    }

    /// <summary>Sets the quantified intention of the company's commitment at <paramref name="position"/>.</summary>
    public static async Task SetIntentionAsync(PortalFactory factory, Guid companyId, int position, int? quantity, string? unit)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var line = await db.Commitments.SingleAsync(c => c.CompanyId == companyId && c.Position == position);
        line.IntentionQuantity = quantity;
        line.IntentionUnit = unit;
        await db.SaveChangesAsync();
    }

    public static async Task<Convention> AddConventionAsync(PortalFactory factory, ConventionKind kind, string departement, string party, ConventionStatus status, DateTime? startsOn, DateTime? endsOn, Guid? clubId = null, Guid? companyId = null, Action<Convention>? more = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConventionsDbContext>();
        var convention = new Convention
        {
            Kind = kind,
            Title = "Convention " + party,
            DepartementCode = departement,
            PartyName = party,
            ClubId = clubId,
            CompanyId = companyId,
            Status = status,
            StartsOn = startsOn,
            EndsOn = endsOn,
            SignedAtUtc = status == ConventionStatus.Draft ? null : startsOn ?? DateTime.UtcNow,
            CreatedAtUtc = DateTime.UtcNow,
            CreatedBy = "test",
        };
        more?.Invoke(convention);
        db.Conventions.Add(convention);
        await db.SaveChangesAsync();
        return convention;
    }
}
