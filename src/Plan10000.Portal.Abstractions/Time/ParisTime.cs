using System.Globalization;

namespace Plan10000.Portal.Abstractions.Time;

/// <summary>
/// The portal's one clock convention: people type and read Europe/Paris wall-clock times, the database stores UTC
/// (PostgreSQL's timestamptz accepts only offset 0, and SQLite compares UTC DateTime values).
/// </summary>
public static class ParisTime
{
    public const string TzId = "Europe/Paris";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TzId);

    /// <summary>A wall-clock time inside the spring-forward gap (02:00–03:00, last Sunday of March) does not exist: it is
    /// read as the same time after the change, as clocks show it, instead of throwing.</summary>
    public static DateTime ToUtc(DateTime paris)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(Zone.IsInvalidTime(local) ? local.AddHours(1) : local, Zone);
    }

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTimeOffset ToParis(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary>A date (yyyy-MM-dd) as midnight in Paris, as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>A datetime-local field (yyyy-MM-ddTHH:mm, or typed with a space where a browser shows a plain text box); empty is valid and gives null.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        result = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    public static string? Input(DateTimeOffset? value) => value is { } v ? ToParis(v).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>« 3 mars 2026 à 14h30 ».</summary>
    public static string Display(DateTimeOffset value) => ToParis(value).ToString("d MMMM yyyy 'à' HH'h'mm", French);

    /// <summary>The same for a UTC <see cref="DateTime"/> column (the portal stores sortable times so).</summary>
    public static string Display(DateTime utc) => Display(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>« 3/03/2026 14:30:05 », for logs and tables.</summary>
    public static string Stamp(DateTimeOffset value) => ToParis(value).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => ToParis(value).ToString("d MMMM yyyy", French);

    /// <summary>« mardi 3 mars 2026 à 14h30 » from a UTC DateTime.</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("dddd d MMMM yyyy 'à' HH'h'mm", French);
}
