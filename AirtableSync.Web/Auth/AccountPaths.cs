namespace AirtableSync.Web.Auth;

public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string Setup = "/setup";
}
