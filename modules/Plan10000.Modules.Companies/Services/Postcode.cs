namespace Plan10000.Modules.Companies.Services;

/// <summary>The département of a French postcode, as far as the code alone tells it.</summary>
internal static class Postcode
{
    public static bool IsWellFormed(string? postcode) => postcode is { Length: 5 } && postcode.All(char.IsAsciiDigit);

    /// <returns>The département code (« 75 », « 2A », « 974 »), or null when the code cannot be a French postcode.</returns>
    public static string? Departement(string? postcode)
    {
        if (!IsWellFormed(postcode) || postcode!.StartsWith("00", StringComparison.Ordinal))
        {
            return null;
        }

        if (postcode.StartsWith("20", StringComparison.Ordinal))
        {
            // Corsica kept the postcodes of the former single département 20: 200xx–201xx Corse-du-Sud, 202xx–206xx Haute-Corse.
            return postcode[2] switch
            {
                '0' or '1' => "2A",
                >= '2' and <= '6' => "2B",
                _ => null,
            };
        }

        // Overseas départements use three digits (971 Guadeloupe … 976 Mayotte).
        return postcode.StartsWith("97", StringComparison.Ordinal) || postcode.StartsWith("98", StringComparison.Ordinal)
            ? postcode[..3]
            : postcode[..2];
    }
}
