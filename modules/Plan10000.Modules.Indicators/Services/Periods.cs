using System.Globalization;
using System.Text.RegularExpressions;
using Plan10000.Modules.Indicators.Models;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>
/// Periods are plain sortable strings: « 2026 » (year), « 2026-S1 » (half-year), « 2026-T3 » (quarter, « trimestre »).
/// A year indicator reported in a quarterly campaign keeps one value per year: a later report supersedes the earlier one.
/// </summary>
internal static partial class Periods
{
    public static bool IsValid(string? period) => period is not null && Pattern().IsMatch(period);

    public static bool IsCampaignPeriod(string? period) => period is not null && CampaignPattern().IsMatch(period);

    public static int Year(string period) => int.Parse(period[..4], CultureInfo.InvariantCulture);

    /// <summary>The period a value of <paramref name="periodicity"/> takes in a campaign of <paramref name="campaignPeriod"/>.</summary>
    public static string For(string campaignPeriod, Periodicity periodicity)
    {
        var year = campaignPeriod[..4];
        if (campaignPeriod.Length == 4 || periodicity == Periodicity.Year)
        {
            return year;
        }

        var n = campaignPeriod[^1] - '0';
        return periodicity switch
        {
            Periodicity.HalfYear => campaignPeriod[5] == 'S' ? campaignPeriod : $"{year}-S{(n <= 2 ? 1 : 2)}",
            _ => campaignPeriod[5] == 'T' ? campaignPeriod : $"{year}-T{(n == 1 ? 2 : 4)}",
        };
    }

    public static Periodicity PeriodicityOf(string period) => period.Length == 4 ? Periodicity.Year : period[5] == 'S' ? Periodicity.HalfYear : Periodicity.Quarter;

    /// <summary>Every period of a year, for filters and seeds.</summary>
    public static IReadOnlyList<string> OfYear(int year, Periodicity periodicity) => periodicity switch
    {
        Periodicity.Year => [year.ToString(CultureInfo.InvariantCulture)],
        Periodicity.HalfYear => [$"{year}-S1", $"{year}-S2"],
        _ => [$"{year}-T1", $"{year}-T2", $"{year}-T3", $"{year}-T4"],
    };

    /// <summary>The periods a filter on <paramref name="filter"/> covers: a year covers its half-years and quarters.</summary>
    public static bool Covers(string? filter, string period) => string.IsNullOrEmpty(filter) || period == filter || (filter.Length == 4 && period.StartsWith(filter, StringComparison.Ordinal));

    public static string Label(string period)
    {
        if (!IsValid(period))
        {
            return period;
        }

        var year = period[..4];
        if (period.Length == 4)
        {
            return "Année " + year;
        }

        var n = period[^1];
        return period[5] == 'S'
            ? (n == '1' ? "1er semestre " : "2e semestre ") + year
            : (n == '1' ? "1er trimestre " : n + "e trimestre ") + year;
    }

    /// <summary>The quarter (or half-year for PAQTE) that contains <paramref name="date"/>.</summary>
    public static string CurrentCampaignPeriod(DateOnly date, bool paqte)
        => paqte ? $"{date.Year}-S{(date.Month <= 6 ? 1 : 2)}" : $"{date.Year}-T{((date.Month - 1) / 3) + 1}";

    [GeneratedRegex(@"^(20\d\d)(-(S[12]|T[1-4]))?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(20\d\d)-(S[12]|T[1-4])$")]
    private static partial Regex CampaignPattern();
}
