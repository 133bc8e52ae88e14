using AirtableSync.Connections;

namespace AirtableSync.Tests.Connections;

public class PkceTests
{
    [Fact]
    public void ChallengeMatchesRfc7636AppendixBExample() =>
        // RFC 7636 Appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ComputeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

    [Fact]
    public void VerifierIs128CharactersFromAirtablesCharsetWithoutTilde()
    {
        var verifiers = Enumerable.Range(0, 200).Select(_ => Pkce.CreateVerifier()).ToList();
        Assert.All(verifiers, v => Assert.Equal(128, v.Length));
        Assert.All(verifiers, v => Assert.Matches("^[A-Za-z0-9._-]+$", v));
        Assert.Equal(verifiers.Count, verifiers.Distinct().Count());
    }

    [Fact]
    public void ChallengeIsUnpaddedBase64UrlOfSha256()
    {
        var challenge = Pkce.ComputeChallenge(Pkce.CreateVerifier());
        Assert.Equal(43, challenge.Length);
        Assert.DoesNotContain('=', challenge);
        Assert.Matches("^[A-Za-z0-9_-]+$", challenge);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX~")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+")]
    public void VerifierOutsideAirtablesRulesIsRejected(string verifier)
    {
        Assert.False(Pkce.IsValidVerifier(verifier));
        Assert.Throws<ArgumentException>(() => Pkce.ComputeChallenge(verifier));
    }

    [Fact]
    public void VerifierOf129CharactersIsRejected() => Assert.False(Pkce.IsValidVerifier(new string('a', 129)));
}
