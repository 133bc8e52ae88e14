using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.WebLogin;

// The session cookie carries where the browser is.
internal sealed class FakeWebLoginFlow(HttpContext context, FakeAirtableState state)
{
    private FakeAirtableOptions Options => state.Options;
    private FakeWebSessions Sessions => state.WebSessions;

    public Task ShowLoginAsync()
    {
        EnsureBrowserCookies();
        if (state.BotChallenge.Challenges(context.Request))
        {
            return HtmlAsync(context, FakeLoginPages.Challenge(Options.WebLoginChallengeHoldMs));
        }
        Sessions.WriteCookies(context.Response, Sessions.Find(context.Request) ?? Sessions.StartAnonymous());
        return HtmlAsync(context, FakeLoginPages.Email());
    }

    // A long enough hold earns the trust cookie and goes on to the login form.
    public async Task SubmitChallengeAsync()
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var held = int.TryParse(form["held"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        if (!state.BotChallenge.Judge(context.Response, held))
        {
            await HtmlAsync(context, FakeLoginPages.Challenge(Options.WebLoginChallengeHoldMs, "You released too early. Press and hold until the bar is full."));
            return;
        }
        await RedirectAsync("/login");
    }

    public async Task SubmitEmailAsync()
    {
        var email = (await context.Request.ReadFormAsync(context.RequestAborted))["email"].ToString().Trim();
        var user = state.Users.FindByEmail(email);
        var page = user switch
        {
            null => FakeLoginPages.Email("We couldn't find an account with that email address.", email),
            { LoginKind: "sso" } => FakeLoginPages.SsoOnly(email),
            _ => FakeLoginPages.Password(user.Email),
        };
        await HtmlAsync(context, page);
    }

    public async Task SubmitPasswordAsync()
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var user = state.Users.FindByEmail(form["email"].ToString());
        if (user is null || user.LoginKind != "password" || user.Password != form["password"].ToString())
        {
            // A bounce back to the form with a notice, never saying which half was wrong.
            await HtmlAsync(context, FakeLoginPages.Password(form["email"].ToString(), "Invalid email or password. Please try again."));
            return;
        }
        var session = Sessions.Find(context.Request) ?? Sessions.StartAnonymous();
        if (Options.WebLoginRequiresEmailCode)
        {
            RedirectWith(Sessions.Advance(session, FakeLoginStep.AwaitingEmailCode, user.Id), "/login/verify");
            return;
        }
        AfterFirstFactor(session, user);
    }

    public Task ShowEmailCodeAsync() => Pending(FakeLoginStep.AwaitingEmailCode) is null
        ? RedirectAsync("/login")
        : HtmlAsync(context, FakeLoginPages.EmailCode(Options.WebLoginEmailCode));

    public async Task SubmitEmailCodeAsync()
    {
        var code = (await context.Request.ReadFormAsync(context.RequestAborted))["code"].ToString().Trim();
        if (Pending(FakeLoginStep.AwaitingEmailCode) is not { } session || state.Users.FindById(session.UserId ?? "") is not { } user)
        {
            await RedirectAsync("/login");
            return;
        }
        if (code != Options.WebLoginEmailCode)
        {
            await HtmlAsync(context, FakeLoginPages.EmailCode(Options.WebLoginEmailCode, "That code is not valid. Please try again."));
            return;
        }
        AfterFirstFactor(session, user);
    }

    public Task ShowMfaAsync() => Pending(FakeLoginStep.AwaitingMfa) is { } session && state.Users.FindById(session.UserId ?? "") is { } user
        ? HtmlAsync(context, FakeLoginPages.Mfa(StrategyId(user), SandboxCode(user)))
        : RedirectAsync("/login");

    public async Task SubmitMfaAsync()
    {
        var code = (await context.Request.ReadFormAsync(context.RequestAborted))["code"].ToString().Trim();
        if (Pending(FakeLoginStep.AwaitingMfa) is not { } session || state.Users.FindById(session.UserId ?? "") is not { MfaSecret: { } secret } user)
        {
            await RedirectAsync("/login");
            return;
        }
        var accepted = code == Options.WebLoginFixedMfaCode || FakeTotp.Verify(secret, code, state.TimeProvider.GetUtcNow());
        if (!accepted)
        {
            // §5.1: a wrong code re-renders /2fa/… with an alert.
            await HtmlAsync(context, FakeLoginPages.Mfa(StrategyId(user), SandboxCode(user), "Invalid code. Please try again."));
            return;
        }
        RedirectWith(Sessions.Advance(session, FakeLoginStep.SignedIn, user.Id), "/");
    }

    internal static async Task HtmlAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private void AfterFirstFactor(FakeWebSession session, FakeUser user)
    {
        if (user.MfaSecret is not null)
        {
            RedirectWith(Sessions.Advance(session, FakeLoginStep.AwaitingMfa, user.Id), "/2fa/" + StrategyId(user));
            return;
        }
        RedirectWith(Sessions.Advance(session, FakeLoginStep.SignedIn, user.Id), "/");
    }

    private FakeWebSession? Pending(FakeLoginStep step) => Sessions.Find(context.Request) is { } s && s.Step == step && !s.Expired ? s : null;

    private void RedirectWith(FakeWebSession session, string location)
    {
        Sessions.WriteCookies(context.Response, session);
        if (session.Step == FakeLoginStep.SignedIn)
        {
            context.Response.Cookies.Append("AWSALB", FakeWebSessions.RandomId(40), new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(7) });
        }
        context.Response.Redirect(location);
    }

    private Task RedirectAsync(string location)
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    // airtable.com sets the browser id cookie on the first visit (docs/airtable/revision-history.md §5.5).
    private void EnsureBrowserCookies()
    {
        if (!context.Request.Cookies.ContainsKey("brw"))
        {
            context.Response.Cookies.Append("brw", "brw" + FakeWebSessions.RandomId(14), new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365) });
        }
    }

    private string? SandboxCode(FakeUser user) =>
        user.MfaSecret is { } secret ? FakeTotp.Compute(secret, state.TimeProvider.GetUtcNow()) : null;

    private static string StrategyId(FakeUser user) => "tfa" + user.Id[3..];
}
