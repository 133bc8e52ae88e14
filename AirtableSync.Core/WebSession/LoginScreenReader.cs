using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// Recognises the login screen in the page itself (one script, so the check is atomic) from the selectors
// and texts public implementations rely on (docs/airtable/revision-history.md §5.1, §5.7, §6).
internal static class LoginScreenReader
{
    // Returns [screen, notice]; arg.previous/mark let a caller wait for "a different screen or a fresh page".
    private const string Classifier = """
        (arg) => {
          const text = (document.body ? document.body.innerText : '').toLowerCase();
          const visible = (selector) => { const e = document.querySelector(selector); return !!e && e.getClientRects().length > 0; };
          const noticeOf = (selector) => { const e = document.querySelector(selector); return e ? e.innerText.trim() : null; };
          const path = location.pathname;
          let screen = 'Unknown', notice = null;
          if (/press (and|&) hold|verify you are human/.test(text)) { screen = 'Challenge'; notice = noticeOf('div[role="alert"]'); }
          else if (path.startsWith('/2fa') && visible('input[name="code"]')) { screen = 'Mfa'; notice = noticeOf('div[role="alert"]'); }
          else if (/verify it.s you/.test(text) && visible('input[name="code"]')) { screen = 'EmailCode'; notice = noticeOf('div[role="alert"]'); }
          else if (visible('[data-testid="auth-form-notice-error"]')) { screen = 'Error'; notice = noticeOf('[data-testid="auth-form-notice-error"]'); }
          else if (/single sign-on|\bsso\b/.test(text) && !visible('input[name="password"]')) screen = 'SsoOnly';
          else if (visible('input[name="password"]')) screen = 'Password';
          else if (visible('input[name="email"]')) screen = 'Email';
          else if (!/^\/(login|2fa)/.test(path) && /"sessionUserId":"usr/.test(document.documentElement.innerHTML)) screen = 'SignedIn';
          if (screen === 'Unknown') return null;
          const freshPage = document.documentElement.dataset.airtableSyncMark !== arg.mark;
          if (!freshPage && screen === arg.previous && !(notice && notice !== arg.previousNotice)) return null;
          return [screen, notice];
        }
        """;

    private const string MarkScript = "(mark) => { document.documentElement.dataset.airtableSyncMark = mark; }";

    // Tags the current document so that a wait after an action can tell a reloaded page from the old one.
    public static async Task<string> MarkAsync(IPage page)
    {
        var mark = Guid.NewGuid().ToString("N");
        await page.EvaluateAsync(MarkScript, mark);
        return mark;
    }

    // Waits until the page shows a recognisable screen that is new: another screen, a freshly loaded page,
    // or the same screen with a new notice (a wrong code re-rendered, §5.1).
    public static async Task<LoginScreenReading> WaitForNextAsync(IPage page, LoginScreenReading? previous, string? mark, TimeSpan timeout)
    {
        var handle = await page.WaitForFunctionAsync(
            Classifier,
            new { previous = previous?.Screen.ToString(), previousNotice = previous?.Notice, mark },
            new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 100 });
        var parts = await handle.JsonValueAsync<string?[]>();
        return new(Enum.Parse<LoginScreen>(parts[0] ?? nameof(LoginScreen.Unknown)), parts[1]);
    }
}
