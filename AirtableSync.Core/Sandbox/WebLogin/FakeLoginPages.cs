using System.Text.Encodings.Web;

namespace AirtableSync.Sandbox.WebLogin;

/// <summary>
/// HTML of the fake's login screens, with the selectors public implementations rely on (revision-history.md §5.1):
/// input[name=email], button[type=submit], input[name=password], the error notice test id, the 2FA code input
/// and its div "Submit". Plain forms, no script needed, so any browser (or a newcomer) can finish them.
/// </summary>
internal static class FakeLoginPages
{
    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static string Page(string title, string body) =>
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{E(title)} | Airtable (sandbox)</title></head>
        <body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">{body}</body></html>
        """;

    private static string Notice(string? error) => error is null ? "" :
        $"""<div data-testid="auth-form-notice-error" class="colors-foreground-accent-negative"><div role="paragraph">{E(error)}</div></div>""";

    public static string Email(string? error = null, string? email = null) => Page("Sign in", $"""
        <h1>Sign in to Airtable</h1>{Notice(error)}
        <form method="post" action="/login">
          <label>Email <input type="email" name="email" autocomplete="email" value="{E(email)}" required></label>
          <button type="submit">Continue</button>
        </form>
        """);

    public static string Password(string email, string? error = null) => Page("Sign in", $"""
        <h1>Sign in to Airtable</h1>{Notice(error)}
        <form method="post" action="/auth/login">
          <input type="hidden" name="email" value="{E(email)}"><p>{E(email)}</p>
          <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
          <button type="submit">Sign in</button>
        </form>
        """);

    public static string SsoOnly(string email) => Page("Sign in", $"""
        <h1>Sign in to Airtable</h1>
        <p data-testid="sso-notice">{E(email)} signs in with single sign-on (SSO). Continue with your identity provider; a password cannot be used.</p>
        <a href="/sso/start">Continue with single sign-on</a>
        """);

    public static string Challenge() => Page("Verify you are human", """
        <h1>Before we continue…</h1>
        <p>Press and hold the button to confirm you are a human (and not a bot).</p>
        <div id="px-captcha" role="button">Press &amp; Hold</div>
        """);

    public static string EmailCode(string code, string? error = null) => Page("Verify it's you", $"""
        <h1>Verify it's you</h1>
        <p>We sent a verification code to your e-mail address. Sandbox: the e-mail says <strong data-testid="sandbox-email-code">{E(code)}</strong>.</p>
        {(error is null ? "" : $"""<div role="alert"><div class="small strong quiet">{E(error)}</div></div>""")}
        <form method="post" action="/login/verify">
          <input type="tel" name="code" placeholder="6-digit code" autocomplete="one-time-code">
        </form>
        """);

    /// <summary>The 2FA page: the Submit control is a div (as on airtable.com); Enter in the single input submits the form.</summary>
    public static string Mfa(string strategyId, string? sandboxCode, string? error = null) => Page("Two-factor authentication", $"""
        <h1>Two-factor authentication</h1>
        <p>Enter the 6-digit code from your authenticator app.</p>
        {(sandboxCode is null ? "" : $"""<p>Sandbox: the authenticator currently shows <strong data-testid="sandbox-mfa-code">{E(sandboxCode)}</strong>.</p>""")}
        {(error is null ? "" : $"""<div role="alert"><div class="small strong quiet">{E(error)}</div></div>""")}
        <form method="post" action="/2fa/{E(strategyId)}" id="tfa">
          <input type="tel" name="code" placeholder="6-digit code" autocomplete="one-time-code" autofocus>
          <div class="link-quiet pointer" role="button" onclick="document.getElementById('tfa').submit()">Submit</div>
        </form>
        """);

    public static string Home(FakeUser user) => Page("Home", $$"""
        <h1>Welcome, {{E(user.Name)}}</h1>
        <div data-testid="baseDashboard">Your workspaces</div>
        <script>window.initData = {"sessionUserId":"{{E(user.Id)}}","sessionUserName":"{{E(user.Name)}}"};</script>
        """);
}
