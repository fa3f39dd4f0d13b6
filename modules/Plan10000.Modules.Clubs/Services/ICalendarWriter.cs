using System.Globalization;
using System.Text;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Clubs.Services;

/// <summary>
/// Writes RFC 5545 calendars by hand (no package needed at run time): CRLF line endings, lines folded at 75 octets
/// without splitting a UTF-8 sequence, escaped text, a VTIMEZONE for Europe/Paris and TZID on DTSTART/DTEND.
/// </summary>
internal static class ICalendarWriter
{
    public sealed record Event(Meeting Meeting, string ClubName, string Url);

    public static string Write(string calendarName, IEnumerable<Event> events, DateTime nowUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Plan10000//Portail La France une chance//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
            "X-WR-TIMEZONE:" + ParisTime.TzId,
            "BEGIN:VTIMEZONE",
            "TZID:" + ParisTime.TzId,
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
        };
        foreach (var e in events)
        {
            var m = e.Meeting;
            var location = string.Join(" — ", new[] { m.Place, m.VideoUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + m.Id.ToString("D") + "@plan10000");
            lines.Add("DTSTAMP:" + nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            lines.Add("SEQUENCE:" + m.Sequence.ToString(CultureInfo.InvariantCulture));
            lines.Add($"DTSTART;TZID={ParisTime.TzId}:" + Local(m.StartsAtUtc));
            lines.Add($"DTEND;TZID={ParisTime.TzId}:" + Local(m.EndsAtUtc));
            lines.Add("SUMMARY:" + Escape((m.CancelledAtUtc is null ? "" : "Annulée : ") + $"{e.ClubName} — {m.Title}"));
            if (m.CancelledAtUtc is not null)
            {
                lines.Add("STATUS:CANCELLED");
            }

            lines.Add("DESCRIPTION:" + Escape("Ordre du jour :\n" + m.Agenda));
            if (location.Length > 0)
            {
                lines.Add("LOCATION:" + Escape(location));
            }

            lines.Add("URL:" + e.Url);
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    private static string Local(DateTime utc) => ParisTime.FromUtc(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string value)
        => value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\r", "\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Folds at 75 octets (§3.1): continuation lines start with one space, which counts in their 75.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        var runes = line.EnumerateRunes();
        foreach (var rune in runes)
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
