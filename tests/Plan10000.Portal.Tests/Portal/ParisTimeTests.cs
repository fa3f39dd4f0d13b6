using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Portal.Tests.Portal;

public sealed class ParisTimeTests
{
    [Fact]
    public void Paris_wall_clock_times_become_utc_in_winter_summer_and_inside_the_spring_gap()
    {
        Assert.Equal(new DateTime(2027, 1, 15, 9, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateTime(2027, 1, 15, 10, 30, 0)));
        Assert.Equal(new DateTime(2027, 7, 15, 8, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateTime(2027, 7, 15, 10, 30, 0)));

        // 28 March 2027, 02:30 does not exist in Paris: read as 03:30 summer time, never an exception.
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0)));
    }

    [Fact]
    public void Typed_dates_are_parsed_as_paris_time_and_bad_ones_refused()
    {
        Assert.True(ParisTime.TryParse("2027-07-15T10:30", out var summer));
        Assert.Equal(new DateTimeOffset(2027, 7, 15, 8, 30, 0, TimeSpan.Zero), summer);
        Assert.True(ParisTime.TryParse("", out var empty));
        Assert.Null(empty);
        Assert.False(ParisTime.TryParse("15/07/2027 10:30", out _));
        Assert.Equal("15/07/2027 10:30:00", ParisTime.Stamp(new DateTimeOffset(2027, 7, 15, 8, 30, 0, TimeSpan.Zero)));
    }
}
