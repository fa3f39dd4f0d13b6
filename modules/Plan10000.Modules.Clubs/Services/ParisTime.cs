namespace Plan10000.Modules.Clubs.Services;

/// <summary>Meetings are typed and shown in Europe/Paris and stored in UTC.</summary>
internal static class ParisTime
{
    public const string TzId = "Europe/Paris";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TzId);

    public static DateTime ToUtc(DateTime paris) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(paris, DateTimeKind.Unspecified), Zone);

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc)
        => FromUtc(utc).ToString("dddd d MMMM yyyy 'à' HH'h'mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
