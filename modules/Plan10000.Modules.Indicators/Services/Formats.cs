using System.Globalization;
using Plan10000.Portal.Abstractions.Exports;

namespace Plan10000.Modules.Indicators.Services;

internal static class Formats
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string NumberError = "Saisissez un nombre positif ou nul, par exemple 12 ou 12,5.";

    /// <summary>Accepts « 15 000 », « 12,5 » and « 12.5 »; null when not a non-negative number below a thousand billion.</summary>
    public static decimal? ParseNumber(string? text)
    {
        var clean = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        return clean.Length is > 0 and <= 20
            && decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and < 1_000_000_000_000m
            ? decimal.Round(value, 2)
            : null;
    }

    /// <summary>Drops trailing zeros (15.0 → 15), so files and JSON read as people write numbers.</summary>
    public static decimal? Normalize(decimal? value) => value / 1.0000000000000000000000000000m;

    public static string Number(decimal? value) => value is { } v ? v.ToString(v == decimal.Truncate(v) ? "N0" : "#,##0.##", French) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("N1", French) + " %" : "—";

    public static string Input(decimal value) => value.ToString(value == decimal.Truncate(value) ? "0" : "0.##", French);

    public static readonly IReadOnlyList<string> DashboardHeaders =
        ["Code", "Indicateur", "Thématique", "Nature", "Unité", "Période", "Valeur consolidée", "Contributeurs", "Cible", "Taux d’atteinte de la cible (%)", "Taux de réalisation des intentions (%)"];

    public static ExportTable DashboardTable(DashboardData data) => new(
        "Indicateurs",
        DashboardHeaders,
        [.. data.Figures.Select(f => (IReadOnlyList<object?>)[
            f.Code, f.Label, f.ThemeNumero, Models.Labels.Of(f.Kind), f.Unit, f.Period, Normalize(f.Total), f.Contributors, Normalize(f.Target), Normalize(f.TargetRate), Normalize(f.RealisedRate)])]);

    public static IReadOnlyList<IReadOnlyList<string>> DashboardRows(IEnumerable<IndicatorFigure> figures)
        => [.. figures.Select(f => (IReadOnlyList<string>)[
            f.Code, f.Label, Periods.Label(f.Period), Number(f.Total) + " " + f.Unit, f.Contributors.ToString(CultureInfo.InvariantCulture), Number(f.Target), Percent(f.TargetRate), Percent(f.RealisedRate)])];

    public static readonly IReadOnlyList<string> DashboardViewHeaders = ["Code", "Indicateur", "Période", "Valeur consolidée", "Contributeurs", "Cible", "Atteinte de la cible", "Réalisé / intentions"];
}
