using AirtableSync.Connections;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Connections;

public class OAuthStateStoreTests
{
    private static readonly Uri Callback = new("http://127.0.0.1:5000/connections/airtable/oauth/callback");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void StateIsRandomAndWithinAirtablesLengthAndCharset()
    {
        var store = new OAuthStateStore(_time);
        var states = Enumerable.Range(0, 50).Select(_ => store.Issue("admin", Callback).State).ToList();
        Assert.All(states, s => Assert.InRange(s.Length, 16, 1024));
        Assert.All(states, s => Assert.Matches("^[A-Za-z0-9._-]+$", s));
        Assert.Equal(states.Count, states.Distinct().Count());
    }

    [Fact]
    public void StateIsAcceptedOnceAndReturnsItsVerifier()
    {
        var store = new OAuthStateStore(_time);
        var pending = store.Issue("admin", Callback);

        var first = store.Consume(pending.State, "admin");
        var second = store.Consume(pending.State, "admin");

        Assert.Equal(StateCheck.Valid, first.Check);
        Assert.Equal(pending.CodeVerifier, first.Pending?.CodeVerifier);
        Assert.Equal(StateCheck.Unknown, second.Check);
    }

    [Fact]
    public void StateOlderThanTenMinutesIsExpired()
    {
        var store = new OAuthStateStore(_time);
        var pending = store.Issue("admin", Callback);
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(StateCheck.Expired, store.Consume(pending.State, "admin").Check);
    }

    [Fact]
    public void StateJustInsideTenMinutesIsValid()
    {
        var store = new OAuthStateStore(_time);
        var pending = store.Issue("admin", Callback);
        _time.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(StateCheck.Valid, store.Consume(pending.State, "admin").Check);
    }

    [Fact]
    public void StateIssuedToAnotherAdminIsRejectedAndBurned()
    {
        var store = new OAuthStateStore(_time);
        var pending = store.Issue("alice", Callback);

        Assert.Equal(StateCheck.WrongAdmin, store.Consume(pending.State, "mallory").Check);
        Assert.Equal(StateCheck.Unknown, store.Consume(pending.State, "alice").Check);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("never-issued-state-value")]
    public void UnknownOrMissingStateIsRejected(string? state) =>
        Assert.Equal(StateCheck.Unknown, new OAuthStateStore(_time).Consume(state, "admin").Check);
}
