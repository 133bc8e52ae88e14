using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace AirtableSync.Web.Components.Pages.Connect;

// What the OAuth problem page says for each way a connection attempt can end badly. The callback passes only a
// reason from this closed list (and Airtable's error code when it sent one), never free text: a crafted link to the
// page cannot make it say anything else, and nothing from the callback (code, state) is shown back.
public sealed partial record OAuthProblem(string Title, string WhatHappened, string WhatToDo, bool MayBeTheCallbackUrl = false)
{
    public const string PagePath = "/connect/oauth-problem";

    public const string Expired = "expired";
    public const string StartedByAnotherUser = "wrong_admin";
    public const string StartedInAnotherBrowser = "other_browser";
    public const string UnknownState = "unknown_state";
    public const string NoCode = "no_code";
    public const string ExchangeRefused = "exchange_refused";
    public const string TokenRefused = "token_refused";
    public const string Unreachable = "unreachable";
    public const string NotConfigured = "not_configured";
    public const string OtherAirtableError = "airtable_error";
    public const string Failed = "failed";

    private static readonly Dictionary<string, OAuthProblem> Problems = new(StringComparer.Ordinal)
    {
        // Airtable's authorize errors (docs/airtable/public-api.md §1.2), passed through under their own names.
        ["access_denied"] = new("Airtable access was not granted",
            "The authorization was cancelled on Airtable's page, or Airtable would not let this integration in: an integration used by "
            + "anyone but its owner needs a privacy policy URL, a terms of service URL and a support email, and an enterprise can block "
            + "third-party integrations.",
            "Start again and choose to grant access. If it keeps failing, ask the integration's owner to complete it at "
            + "airtable.com/create/oauth, or your Airtable enterprise admin to allow it."),
        ["invalid_scope"] = new("Airtable refused the requested permissions",
            "The app asked for scopes (Airtable:OAuth:Scopes) that are not all enabled on the integration, or the list was malformed.",
            "Enable the scopes listed below on the integration at airtable.com/create/oauth, or change Airtable:OAuth:Scopes, then start again."),
        ["invalid_request"] = new("Airtable refused the authorization request",
            "Airtable found the request malformed (a missing or repeated parameter, or a bad PKCE challenge).",
            "Start again. If it happens again, the app's log has the details for whoever runs it."),
        ["unsupported_response_type"] = new("Airtable refused the authorization request",
            "Airtable did not accept the kind of answer the app asked for.",
            "Start again. If it happens again, the app's log has the details for whoever runs it."),
        ["server_error"] = new("Airtable had a problem",
            "Airtable could not complete the authorization because of an error on its side.",
            "Wait a few minutes and start again."),
        ["temporarily_unavailable"] = new("Airtable is busy",
            "Airtable is temporarily unable to handle the authorization.",
            "Wait a few minutes and start again."),
        [OtherAirtableError] = new("Airtable refused the authorization",
            "Airtable ended the authorization with an error this app does not know.",
            "Start again. If it happens again, check the integration at airtable.com/create/oauth."),
        // Our own checks of the callback (state bound to the admin and the browser, PKCE exchange).
        [Expired] = new("The authorization took too long",
            "The Airtable authorization took longer than 10 minutes, so the app no longer trusts it.",
            "Start again and finish on Airtable's page within 10 minutes."),
        [StartedByAnotherUser] = new("The authorization belongs to someone else",
            "This Airtable authorization was started by another user of this app.",
            "Start again while signed in as yourself."),
        [StartedInAnotherBrowser] = new("The authorization was started in another browser",
            "This Airtable authorization was started in another browser (or this browser did not keep the app's cookie).",
            "Start again in this browser, and finish in the same one."),
        [UnknownState] = new("The authorization is unknown or already used",
            "This Airtable authorization is unknown or was already used: the app did not start it, or it was already completed "
            + "(a reloaded or bookmarked page, the Back button, or an app restart in between).",
            "Start again from the Connect page."),
        [NoCode] = new("Airtable's answer was incomplete",
            "Airtable came back without an authorization code.",
            "Start again."),
        [ExchangeRefused] = new("Airtable did not accept the authorization",
            "Exchanging the authorization code for tokens failed: the code was used already or expired, the client secret "
            + "(Airtable:OAuth:ClientSecret) is wrong, or the callback URL differs from the one registered on the integration.",
            "Check the client id, the client secret and the callback URL below against the integration at airtable.com/create/oauth, then start again.",
            MayBeTheCallbackUrl: true),
        [TokenRefused] = new("Airtable refused the new token",
            "The authorization completed, but Airtable did not accept the token it issued when the app checked who it belongs to.",
            "Start again in a moment."),
        [Unreachable] = new("Airtable could not be reached",
            "The app could not reach Airtable to complete the connection.",
            "Check the server's network access to airtable.com and start again in a moment."),
        [Failed] = new("The connection could not be completed",
            "Something went wrong in this app while completing the connection; the error was logged.",
            "Start again in a moment. If it keeps failing, whoever runs the app finds the details in its log."),
        [NotConfigured] = new("OAuth is not configured",
            "This app has no OAuth integration configured (Airtable:OAuth:ClientId is empty).",
            "Register an integration at airtable.com/create/oauth with the callback URL below and set Airtable:OAuth:ClientId, "
            + "or connect with a personal access token.",
            MayBeTheCallbackUrl: true),
    };

    public static OAuthProblem For(string? reason) =>
        reason is not null && Problems.TryGetValue(reason, out var problem) ? problem : Problems[UnknownState];

    // Airtable's error code becomes the reason when it is one of the documented ones.
    public static string ReasonForAirtableError(string error) => Problems.ContainsKey(error) && IsAirtableCode(error) ? error : OtherAirtableError;

    /// <param name="airtableError">Airtable's error code, shown only when it looks like one (lowercase letters and underscores).</param>
    public static string PathFor(string reason, string? airtableError = null)
    {
        var query = new Dictionary<string, string?> { ["reason"] = reason };
        if (airtableError is not null && IsAirtableCode(airtableError))
        {
            query["airtable"] = airtableError;
        }
        return QueryHelpers.AddQueryString(PagePath, query);
    }

    public static bool IsAirtableCode(string? value) => value is not null && AirtableCode().IsMatch(value);

    [GeneratedRegex("^[a-z_]{1,40}$")]
    private static partial Regex AirtableCode();
}
