namespace Plan10000.Modules.Referentials.Models;

internal sealed class Region
{
    public string Code { get; set; } = "";
    public string Nom { get; set; } = "";
    public string Zone { get; set; } = "";
}

internal sealed class Departement
{
    public string Code { get; set; } = "";
    public string Nom { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Zone { get; set; } = "";
}

internal sealed class Thematique
{
    public int Numero { get; set; }
    public string Libelle { get; set; } = "";
    public string ServicesCompetents { get; set; } = "";
    public bool Transversal { get; set; }
}

/// <summary>Publics, company sizes and sectors: one table, told apart by <see cref="Kind"/>.</summary>
internal sealed class ReferenceEntry
{
    public const string Public = "public";
    public const string Taille = "taille";
    public const string Secteur = "secteur";

    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Libelle { get; set; } = "";
    public int Ordre { get; set; }
}
