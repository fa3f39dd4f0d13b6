using Plan10000.Modules.Companies.Services;

namespace Plan10000.Portal.Tests.Companies;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("552 100 554 00013")]
    [InlineData("44306184100047")]
    public void A_siret_with_a_valid_luhn_key_is_accepted(string siret)
        => Assert.True(Siret.IsValidSiret(Siret.Normalize(siret)));

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("7328293200007")]
    [InlineData("732829320000745")]
    [InlineData("7328293200007A")]
    [InlineData("")]
    public void A_wrong_key_length_or_character_is_refused(string siret)
        => Assert.False(Siret.IsValidSiret(Siret.Normalize(siret)));

    [Fact]
    public void A_siret_whose_siren_key_is_wrong_is_refused_even_if_the_whole_number_passes_luhn()
    {
        var wrongSiren = "552100555";
        var siret = Siret.WithKey(wrongSiren + "0001");

        Assert.False(Siret.IsValidSiren(wrongSiren));
        Assert.False(Siret.IsValidSiret(siret));
    }

    [Fact]
    public void La_poste_establishments_use_the_digit_sum_rule()
    {
        // Fails Luhn, digit sum 35: accepted only because of the La Poste exception.
        Assert.True(Siret.IsValidSiret("35600000049837"));
        // Neither Luhn nor a multiple of 5.
        Assert.False(Siret.IsValidSiret("35600000012345"));
        // The same digit-sum rule does not apply to another SIREN.
        Assert.False(Siret.IsValidSiret("55210055400049"));
    }

    [Fact]
    public void WithKey_produces_numbers_the_validator_accepts()
    {
        var siren = Siret.WithKey("12345678");
        Assert.True(Siret.IsValidSiren(siren));
        Assert.True(Siret.IsValidSiret(Siret.WithKey(siren + "0001")));
    }
}

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("75011", "75")]
    [InlineData("01000", "01")]
    [InlineData("20000", "2A")]
    [InlineData("20167", "2A")]
    [InlineData("20200", "2B")]
    [InlineData("20600", "2B")]
    [InlineData("97400", "974")]
    [InlineData("97600", "976")]
    [InlineData("97110", "971")]
    [InlineData("13002", "13")]
    public void The_departement_comes_from_the_postcode(string postcode, string expected)
        => Assert.Equal(expected, Postcode.Departement(postcode));

    [Theory]
    [InlineData("7501")]
    [InlineData("750011")]
    [InlineData("7501A")]
    [InlineData("00100")]
    [InlineData("20700")]
    [InlineData(null)]
    public void A_code_that_cannot_be_french_has_no_departement(string? postcode)
        => Assert.Null(Postcode.Departement(postcode));
}

public sealed class TextNormalizerTests
{
    [Fact]
    public void Accents_case_and_punctuation_are_folded()
    {
        Assert.Equal("societe generale d electricite", TextNormalizer.Fold("Société Générale d’Électricité"));
        Assert.Equal("coeur-de-boeuf", TextNormalizer.Slug("Cœur  de Bœuf !"));
    }
}
