namespace Plan10000.Modules.Companies.Services;

/// <summary>SIREN and SIRET checks (INSEE): a Luhn key, except La Poste whose establishments share one SIREN.</summary>
internal static class Siret
{
    public const string LaPosteSiren = "356000000";

    public static string Normalize(string? value) => new([.. (value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-')]);

    public static bool IsValidSiren(string? siren)
        => siren is { Length: 9 } && siren.All(char.IsAsciiDigit) && Luhn(siren);

    public static bool IsValidSiret(string? siret)
    {
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit) || !IsValidSiren(siret[..9]))
        {
            return false;
        }

        // La Poste has more establishments than a NIC with a Luhn key allows; INSEE gives them a digit sum multiple of 5.
        return siret.StartsWith(LaPosteSiren, StringComparison.Ordinal)
            ? siret.Sum(c => c - '0') % 5 == 0 || Luhn(siret)
            : Luhn(siret);
    }

    /// <summary>Appends the Luhn key to a number missing its last digit (demo data and tests).</summary>
    public static string WithKey(string digitsWithoutKey)
    {
        for (var key = 0; key < 10; key++)
        {
            var candidate = digitsWithoutKey + (char)('0' + key);
            if (Luhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Inatteignable : une clé de Luhn existe toujours.");
    }

    /// <summary>Doubles every second digit from the right, as INSEE computes the key.</summary>
    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
