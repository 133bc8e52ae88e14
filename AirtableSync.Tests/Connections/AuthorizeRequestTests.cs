using AirtableSync.Connections;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Connections;

public class AuthorizeRequestTests
{
    [Fact]
    public void AuthorizeUrlCarriesEveryParameterAirtableRequires()
    {
        var pending = new OAuthStateStore(new FakeTimeProvider()).Issue("admin", new Uri("http://127.0.0.1:5000/connections/airtable/oauth/callback"));

        var url = AirtableAuthorizeUrl.Build(new Uri("https://airtable.com"), "client123", ["data.records:read", "schema.bases:read"], pending);
        var query = QueryHelpers.ParseQuery(url.Query);

        Assert.Equal("https://airtable.com/oauth2/v1/authorize", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("client123", query["client_id"]);
        Assert.Equal("http://127.0.0.1:5000/connections/airtable/oauth/callback", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("data.records:read schema.bases:read", query["scope"]);
        Assert.Equal(pending.State, query["state"]);
        Assert.Equal(Pkce.ComputeChallenge(pending.CodeVerifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.DoesNotContain(pending.CodeVerifier, url.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultScopesReadRecordsSchemaAndEmail() =>
        Assert.Equal(["data.records:read", "schema.bases:read", "user.email:read"], new AirtableOAuthOptions().EffectiveScopes());

    [Fact]
    public void FeatureFlagsAddCommentAndWebhookScopesOnce()
    {
        var options = new AirtableOAuthOptions
        {
            Scopes = "data.records:read schema.bases:read webhook:manage",
            IncludeRecordComments = true,
            IncludeWebhooks = true,
        };
        Assert.Equal(["data.records:read", "schema.bases:read", "webhook:manage", "data.recordComments:read"], options.EffectiveScopes());
    }
}
