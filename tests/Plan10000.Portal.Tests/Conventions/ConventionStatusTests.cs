using Plan10000.Modules.Conventions.Models;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>Draft → signed → active → ended: only Draft and Signed are stored, the rest follows from the validity dates.</summary>
public sealed class ConventionStatusTests
{
    private static readonly DateTime Start = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2029, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ConventionStatus.Draft, "2028-06-01", ConventionStatus.Draft)]
    [InlineData(ConventionStatus.Signed, "2026-12-31", ConventionStatus.Signed)]
    [InlineData(ConventionStatus.Signed, "2027-01-01", ConventionStatus.Active)]
    [InlineData(ConventionStatus.Signed, "2029-12-31", ConventionStatus.Active)]
    [InlineData(ConventionStatus.Signed, "2030-01-01", ConventionStatus.Ended)]
    [InlineData(ConventionStatus.Ended, "2028-06-01", ConventionStatus.Ended)]
    public void The_status_a_reader_sees_follows_the_validity_dates(ConventionStatus stored, string today, ConventionStatus expected)
    {
        var convention = new Convention { Status = stored, StartsOn = Start, EndsOn = End };

        Assert.Equal(expected, convention.StatusOn(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
