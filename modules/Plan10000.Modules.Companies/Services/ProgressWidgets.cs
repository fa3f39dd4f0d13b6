using System.Globalization;
using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Modules.Companies.Services;

/// <summary>The programme's headline figure, engaged (approved) companies against the 10 000 target, on the home page.</summary>
internal sealed class ProgressWidgets(ShowcaseQuery showcase) : IDashboardWidgetProvider
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken)
    {
        var counts = await showcase.CountByDepartementAsync(cancellationToken);
        var total = counts.Values.Sum();
        var reached = counts.Values.Count(v => v >= ShowcaseQuery.DepartementTarget);
        return
        [
            new("Entreprises engagées", Format(total) + " / " + Format(ShowcaseQuery.NationalTarget),
                $"Objectif national : {Format(ShowcaseQuery.NationalTarget)} entreprises ; {reached} département(s) ont atteint 100 entreprises.",
                "/tableau-de-bord", 10, Public: true),
        ];
    }

    public static string Format(int value) => value.ToString("N0", French);
}
