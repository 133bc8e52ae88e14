using AirtableSync.Airtable;
using AirtableSync.Connections;

namespace AirtableSync.Tests.Validation;

public sealed class HeaderValueRulesTests
{
    [Theory]
    [MemberData(nameof(BadInput.TokenCases), MemberType = typeof(BadInput))]
    public void EveryBadTokenIsRefusedWithASentenceThatDoesNotQuoteIt(string name)
    {
        var token = BadInput.Token(name);

        var problem = TokenFormat.Problem(token);

        Assert.NotNull(problem);
        Assert.StartsWith("The token ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(BadInput.Prefix, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crlf", "line break")]
    [InlineData("nul", "control character")]
    [InlineData("accent", "outside printable ASCII")]
    [InlineData("overLong", "longer than 1024 characters")]
    public void TheSentenceSaysWhatIsWrong(string name, string expected) =>
        Assert.Contains(expected, TokenFormat.Problem(BadInput.Token(name)), StringComparison.Ordinal);

    [Theory]
    [InlineData("patAdaLovelace001.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("oaaAbC123.v1.eyJ-some_opaque~value+with/slashes==")]
    public void TokensHttpCanCarryPass(string token) => Assert.Null(TokenFormat.Problem(token));

    [Fact]
    public void ATokenOfExactlyTheMaximumLengthPasses() => Assert.Null(TokenFormat.Problem(new string('a', TokenFormat.MaxLength)));

    [Fact]
    public void HeaderValuesMayHoldSpacesOnlyWhereWordsAreAllowed()
    {
        Assert.Null(HeaderValueRules.Problem("Mozilla/5.0 (X11; Linux x86_64)", allowSpaces: true));
        Assert.NotNull(HeaderValueRules.Problem("Mozilla/5.0 (X11; Linux x86_64)"));
        Assert.NotNull(HeaderValueRules.Problem("a\r\nb", allowSpaces: true));
        Assert.NotNull(HeaderValueRules.Problem(new string('a', HeaderValueRules.MaxLength + 1), allowSpaces: true));
    }
}
