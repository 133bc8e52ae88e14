namespace AirtableSync.Tests.Validation;

/// <summary>
/// The class of input this folder is about, by name so that test names read well: control characters (CR/LF, NUL,
/// tab), characters outside ASCII, and values longer than a field allows. Each value starts like a real token.
/// </summary>
internal static class BadInput
{
    /// <summary>Unique to these values: a log line holding it holds (part of) a bad token.</summary>
    public const string Prefix = "patBadInput000001.";

    /// <summary>The names every token-taking path is checked with.</summary>
    public static readonly TheoryData<string> TokenCases = ["crlf", "lf", "cr", "nul", "tab", "space", "accent", "emoji", "smartQuotes", "overLong"];

    public static string Token(string name) => name switch
    {
        "crlf" => Prefix + "abc\r\nX-Injected: yes",
        "lf" => Prefix + "abc\ndef",
        "cr" => Prefix + "abc\rdef",
        "nul" => Prefix + "abc\0def",
        "tab" => Prefix + "abc\tdef",
        "space" => Prefix + "abc def",
        "accent" => Prefix + "caf\u00e9",
        "emoji" => Prefix + "abc\U0001F600",
        "smartQuotes" => Prefix + "\u201cabc\u201d",
        "overLong" => Prefix + new string('a', AirtableSync.Connections.TokenFormat.MaxLength),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };
}
