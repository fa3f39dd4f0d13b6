using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Referentials.Data;
using Plan10000.Modules.Referentials.Models;
using Plan10000.Modules.Referentials.Services;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Referentials.Seed;

/// <summary>
/// Regions and départements follow the official package on every start (names can change upstream);
/// themes, publics, sizes and sectors are only added when missing, since national admins may edit them.
/// </summary>
internal sealed class ReferentialsSeeder(ReferentialsDbContext db, ReferentialsCache cache) : IReferenceDataSeeder
{
    /// <summary>Metropolitan France and the five DROM: 18 regions, 101 départements. COM are outside the programme.</summary>
    private static readonly HashSet<string> Zones = ["metro", "drom"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public int Order => -100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var regions = Read<List<OfficialArea>>("regions.json").Where(r => Zones.Contains(r.Zone)).ToList();
        var departements = Read<List<OfficialArea>>("departements.json").Where(d => Zones.Contains(d.Zone)).ToList();
        var local = Read<LocalReferentials>("referentiels.json");

        var existingRegions = await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var region in regions)
        {
            if (!existingRegions.TryGetValue(region.Code, out var row))
            {
                db.Regions.Add(row = new Region { Code = region.Code });
            }

            (row.Nom, row.Zone) = (region.Nom, region.Zone);
        }

        var existingDepartements = await db.Departements.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var departement in departements)
        {
            if (!existingDepartements.TryGetValue(departement.Code, out var row))
            {
                db.Departements.Add(row = new Departement { Code = departement.Code });
            }

            (row.Nom, row.Zone, row.RegionCode) = (departement.Nom, departement.Zone, departement.Region ?? "");
        }

        var themeNumbers = await db.Thematiques.Select(t => t.Numero).ToListAsync(cancellationToken);
        db.Thematiques.AddRange(local.Themes.Where(t => !themeNumbers.Contains(t.Numero))
            .Select(t => new Thematique { Numero = t.Numero, Libelle = t.Libelle, ServicesCompetents = t.Services, Transversal = t.Transversal }));

        var entryKeys = (await db.Entries.Select(e => new { e.Kind, e.Code }).ToListAsync(cancellationToken)).Select(e => (e.Kind, e.Code)).ToHashSet();
        void AddEntries(string kind, IEnumerable<LocalEntry> entries)
            => db.Entries.AddRange(entries.Select((e, i) => new ReferenceEntry { Kind = kind, Code = e.Code, Libelle = e.Libelle, Ordre = i })
                .Where(e => !entryKeys.Contains((e.Kind, e.Code))));
        AddEntries(ReferenceEntry.Public, local.Publics);
        AddEntries(ReferenceEntry.Taille, local.Tailles);
        AddEntries(ReferenceEntry.Secteur, local.Secteurs);

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            cache.Clear();
        }
    }

    private static T Read<T>(string name)
    {
        using var stream = typeof(ReferentialsSeeder).Assembly.GetManifestResourceStream("Referentials." + name)
            ?? throw new InvalidOperationException($"Ressource Referentials.{name} absente de l'assemblage.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Ressource Referentials.{name} vide.");
    }

    private sealed record OfficialArea(string Code, string Nom, string Zone, string? Region);

    private sealed record LocalTheme(int Numero, string Libelle, string Services, bool Transversal);

    private sealed record LocalEntry(string Code, string Libelle);

    private sealed record LocalReferentials(
        [property: JsonPropertyName("themes")] List<LocalTheme> Themes,
        [property: JsonPropertyName("publics")] List<LocalEntry> Publics,
        [property: JsonPropertyName("tailles")] List<LocalEntry> Tailles,
        [property: JsonPropertyName("secteurs")] List<LocalEntry> Secteurs);
}
