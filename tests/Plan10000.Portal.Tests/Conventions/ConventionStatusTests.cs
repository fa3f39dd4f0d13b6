using Plan10000.Modules.Conventions.Models;

namespace Plan10000.Portal.Tests.Conventions;

/// <summary>Draft → signed → active → ended: only Draft and Signed are stored, the rest follows from the validity dates.</summary>
public sealed class ConventionStatusTests
{
    private static readonly DateTime Start = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2029, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Draft", "2028-06-01", "Draft")]
    [InlineData("Signed", "2026-12-31", "Signed")]
    [InlineData("Signed", "2027-01-01", "Active")]
    [InlineData("Signed", "2029-12-31", "Active")]
    [InlineData("Signed", "2030-01-01", "Ended")]
    [InlineData("Ended", "2028-06-01", "Ended")]
    public void The_status_a_reader_sees_follows_the_validity_dates(string stored, string today, string expected)
    {
        var convention = new Convention { Status = Enum.Parse<ConventionStatus>(stored), StartsOn = Start, EndsOn = End };

        Assert.Equal(Enum.Parse<ConventionStatus>(expected), convention.StatusOn(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
