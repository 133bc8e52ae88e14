namespace AirtableSync.WebSession;

/// <summary>
/// The airtable.com cookies are missing, expired or unreadable: nothing but a new browser login helps, so
/// callers fail fast instead of retrying. (To be unified with the client's authentication exception.)
/// </summary>
public sealed class WebSessionReloginRequiredException : Exception, Jobs.IFailFastException
{
    public WebSessionReloginRequiredException() : base("The Airtable web session needs a new login.") { }

    public WebSessionReloginRequiredException(string message) : base(message) { }

    public WebSessionReloginRequiredException(string message, Exception innerException) : base(message, innerException) { }
}
