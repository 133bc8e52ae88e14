using System.Text.Encodings.Web;

namespace AirtableSync.Sandbox.WebLogin;

// Selectors public implementations rely on (docs/airtable/revision-history.md §5.1): input[name=email], button[type=submit],
// input[name=password], the error notice test id, the 2FA input and its div "Submit". Plain forms, no CSP, no script but the
// challenge's ES5 one.
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

    // A short inline ES5 script (no modules, so any browser runs it) times the press from pointerdown and posts the held time
    // when the hold completes or the press ends early; the server judges it.
    public static string Challenge(int holdMs, string? error = null) => Page("Verify you are human", $$"""
        <h1>Before we continue…</h1>
        <p>Press and hold the button to confirm you are a human (and not a bot).</p>
        {{(error is null ? "" : $"""<div role="alert"><div class="small strong quiet">{E(error)}</div></div>""")}}
        <div id="px-captcha" role="button" style="display:inline-block;position:relative;overflow:hidden;margin:2rem 0;padding:1rem 3rem;border:2px solid #333;border-radius:2rem;cursor:pointer;user-select:none;touch-action:none">
          <span id="px-bar" style="position:absolute;left:0;top:0;bottom:0;width:0;background:#9cf"></span><span style="position:relative">Press &amp; Hold</span>
        </div>
        <p style="color:#666">Sandbox: hold for {{holdMs}} ms.</p>
        <form method="post" action="/challenge" id="px-form"><input type="hidden" name="held" id="px-held"></form>
        <script>
        (function () {
          var hold = {{holdMs}}, button = document.getElementById('px-captcha'), bar = document.getElementById('px-bar');
          var started = null, timer = null;
          function send(held) {
            started = null;
            clearTimeout(timer);
            document.getElementById('px-held').value = String(Math.round(held));
            document.getElementById('px-form').submit();
          }
          function grow() {
            if (started === null) return;
            bar.style.width = Math.min(100, (Date.now() - started) * 100 / hold) + '%';
            requestAnimationFrame(grow);
          }
          button.addEventListener('pointerdown', function (e) {
            e.preventDefault();
            started = Date.now();
            grow();
            timer = setTimeout(function () { send(Date.now() - started); }, hold);
          });
          function release() { if (started !== null) send(Date.now() - started); }
          button.addEventListener('pointerup', release);
          button.addEventListener('pointerleave', release);
          button.addEventListener('pointercancel', release);
        })();
        </script>
        """);

    public static string EmailCode(string code, string? error = null) => Page("Verify it's you", $"""
        <h1>Verify it's you</h1>
        <p>We sent a verification code to your e-mail address. Sandbox: the e-mail says <strong data-testid="sandbox-email-code">{E(code)}</strong>.</p>
        {(error is null ? "" : $"""<div role="alert"><div class="small strong quiet">{E(error)}</div></div>""")}
        <form method="post" action="/login/verify">
          <input type="tel" name="code" placeholder="6-digit code" autocomplete="one-time-code">
        </form>
        """);

    // The Submit control is a div (as on airtable.com); Enter in the single input submits the form.
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
