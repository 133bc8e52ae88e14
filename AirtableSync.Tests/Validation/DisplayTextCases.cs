namespace AirtableSync.Tests.Validation;

// Names people type, by the way each one is wrong, and the sentence the app must answer with.
internal static class DisplayTextCases
{
    private static readonly string[] RefusedNames = ["crlf", "lf", "nul", "tab", "rightToLeftOverride", "zeroWidthSpace", "lineSeparator", "loneSurrogate", "overLong"];

    public static readonly TheoryData<string> Refused = [.. RefusedNames];

    // A NUL never reaches a plain HTML form's page: ASP.NET Core's antiforgery check fails to read such a form and
    // answers 400 (AccountFormsBadInputTests tests that). Browsers cannot send one from a text field.
    public static readonly TheoryData<string> RefusedOnAPostedPage = [.. RefusedNames.Where(n => n != "nul")];

    public static string Value(string name, int overLongLength = 300) => name switch
    {
        "crlf" => "ana\r\nINFO forged log line",
        "lf" => "ana\nbob",
        "nul" => "ana\0bob",
        "tab" => "ana\tbob",
        "rightToLeftOverride" => "report\u202Etxt.exe",
        "zeroWidthSpace" => "ad\u200Bmin",
        "lineSeparator" => "ana\u2028bob",
        "loneSurrogate" => "ana\uD800bob",
        "overLong" => new string('a', overLongLength),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    // What the answer must say for each case (a part of the sentence, so wording can be polished without churn).
    public static string Expected(string name) => name switch
    {
        "crlf" or "lf" or "nul" or "tab" => "control characters",
        "rightToLeftOverride" or "zeroWidthSpace" or "lineSeparator" => "formatting characters",
        "loneSurrogate" => "not valid text",
        "overLong" => "at most",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    // Letters of other scripts are names, not bad input.
    public static readonly TheoryData<string> Accepted = ["José Núñez", "Zoë Ångström", "山田 太郎", "Ιωάννα", "O'Brien-Smith"];
}
