namespace Plan10000.Modules.Companies.Services;

/// <summary>Everything typed so far in the sign-up wizard, stored as JSON in the draft (never the password).</summary>
internal sealed class SignupData
{
    public string Siret { get; set; } = "";
    public string Name { get; set; } = "";
    public string SizeCode { get; set; } = "";
    public string SectorCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string City { get; set; } = "";
    public string? Website { get; set; }

    /// <summary>Activité principale (NAF rév. 2), proposed by the Sirene register or typed; stored on the company at the end.</summary>
    public string? NafCode { get; set; }

    public bool CharterAccepted { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerRole { get; set; } = "";
    public string CharterId { get; set; } = "";
    public int CharterVersion { get; set; }

    public List<CommitmentData> Commitments { get; set; } = [];

    public List<string> Consents { get; set; } = [];
}

internal sealed record CommitmentData(int ThemeNumero, IReadOnlyList<string> Publics, string Description, int? IntentionQuantity, string? IntentionUnit, int? IntentionYear);
