using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>The consolidated indicators on <c>/donnees</c>: sizes of the very bytes the two download actions send.</summary>
internal sealed class IndicatorsOpenData(OpenIndicators open, ITableExporter exporter) : IOpenDataCatalogContributor
{
    /// <summary>Kept where the module embedded it first (next to its former OpenAPI file), so the resource name is stable.</summary>
    public const string SchemaResource = "Plan10000.Modules.Indicators.OpenApi.indicateurs.schema.json";

    public async Task<IReadOnlyList<OpenDataset>> GetDatasetsAsync(CancellationToken cancellationToken)
    {
        var rows = await open.AllAsync(cancellationToken);
        return
        [
            new OpenDataset(
                "indicateurs-consolides",
                "Indicateurs consolidés du programme",
                $"Une ligne par département, indicateur et période : la somme des valeurs validées par les référents territoriaux. La valeur est vide (secret statistique) quand moins de {OpenIndicators.MinimumContributors} entreprises, clubs ou saisies y contribuent.",
                await open.LastValidatedAsync(cancellationToken),
                "/donnees/indicateurs.schema.json",
                [
                    new("Indicateurs consolidés (CSV)", "/donnees/indicateurs.csv", "CSV", "text/csv", exporter.ToCsv(OpenIndicators.ToTable(rows), openData: true).LongLength),
                    new("Indicateurs consolidés (JSON)", "/donnees/indicateurs.json", "JSON", "application/json", OpenIndicators.ToJsonFile(rows).LongLength),
                ],
                Order: 30),
        ];
    }
}
