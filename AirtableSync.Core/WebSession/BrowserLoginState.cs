namespace AirtableSync.WebSession;

public enum BrowserLoginState { Starting, AwaitingMfa, AwaitingEmailCode, Challenge, Failed, Connected, Cancelled }

// AirtableUserId: Set once connected.
// HandedOver:
// A challenge in a headful browser that stays open for a person: its screen can be captured and it takes pointer
// input (the wizard shows it), and the login continues by itself once the challenge is passed.
public sealed record BrowserLoginStatus(string Id, BrowserLoginState State, string? Message, string? AirtableUserId = null, bool HandedOver = false)
{
    public bool IsFinished => State is BrowserLoginState.Failed or BrowserLoginState.Connected or BrowserLoginState.Cancelled;

    // A person must act: type a code or solve a challenge in the visible window.
    public bool AwaitsPerson => State is BrowserLoginState.AwaitingMfa or BrowserLoginState.AwaitingEmailCode or BrowserLoginState.Challenge;
}
