namespace Plan10000.Modules.Companies.Services;

/// <summary>The activité principale (NAF rév. 2): typed as « 6201z » or « 62.01Z », kept as the register writes it, « 62.01Z ».</summary>
internal static class NafCode
{
    public const string Pattern = @"^\s*\d{2}\.?\d{2}[A-Za-z]\s*$";

    public const string Message = "Saisissez un code NAF de la forme 62.01Z (quatre chiffres et une lettre).";

    /// <summary>The canonical form of a value that matched <see cref="Pattern"/>; null when blank.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        return code.Length == 5 ? $"{code[..2]}.{code[2..]}" : code;
    }
}
