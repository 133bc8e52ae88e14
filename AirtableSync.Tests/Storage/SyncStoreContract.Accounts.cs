using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static AppUser User(string id, string name, AppRole role = AppRole.Analyst) => new()
    {
        Id = id,
        UserName = name,
        NormalizedUserName = name.ToUpperInvariant(),
        DisplayName = $"Display {name}",
        Role = role,
        PasswordHash = $"AQAAAAIAAYagAAAAE-hash-of-{id}",
        FailedSignIns = 0,
        LockedUntil = null,
        Disabled = false,
        CreatedAt = T0,
        LastSignInAt = null,
    };

    private static StoredApiKey Key(string id, string hash, int minute) => new(
        id, $"key {id}", $"ats_{id}", hash, ApiKeyScope.ReadOnly, "usr1", T0.AddMinutes(minute), null, null);

    [Fact]
    public async Task UsersRoundTripAndTheirNormalizedNameIsUnique()
    {
        Assert.False(await Store.AnyUsersAsync(Token));
        var ada = User("usr1", "ada@example.com", AppRole.Admin);

        Assert.Equal(UserCreation.Created, await Store.CreateUserAsync(ada, onlyIfNoUsers: false, Token));
        Assert.Equal(UserCreation.NameTaken, await Store.CreateUserAsync(User("usr2", "ADA@example.com"), onlyIfNoUsers: false, Token));
        Assert.Equal(UserCreation.Created, await Store.CreateUserAsync(User("usr3", "bob"), onlyIfNoUsers: false, Token));

        Assert.True(await Store.AnyUsersAsync(Token));
        Assert.Equal(ada, await Store.GetUserAsync("usr1", Token));
        Assert.Equal(ada, await Store.FindUserByNameAsync("ADA@EXAMPLE.COM", Token));
        Assert.Null(await Store.FindUserByNameAsync("NOBODY", Token));
        Assert.Equal(["usr1", "usr3"], (await Store.ListUsersAsync(Token)).Select(u => u.Id));
    }

    [Fact]
    public async Task OnlyTheFirstUserIsCreatedWhenAskedForTheFirstOnly()
    {
        Assert.Equal(UserCreation.Created, await Store.CreateUserAsync(User("usr1", "first", AppRole.Admin), onlyIfNoUsers: true, Token));
        Assert.Equal(UserCreation.NotFirstUser, await Store.CreateUserAsync(User("usr2", "second", AppRole.Admin), onlyIfNoUsers: true, Token));

        Assert.Equal(["usr1"], (await Store.ListUsersAsync(Token)).Select(u => u.Id));
    }

    [Fact]
    public async Task SavingAUserReplacesItsStateAndAnUnknownUserThrows()
    {
        await Store.CreateUserAsync(User("usr1", "ada"), onlyIfNoUsers: false, Token);
        var changed = User("usr1", "ada", AppRole.Admin) with { PasswordHash = "new-hash", Disabled = true, LastSignInAt = T0.AddDays(1) };

        await Store.SaveUserAsync(changed, Token);

        Assert.Equal(changed, await Store.GetUserAsync("usr1", Token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SaveUserAsync(User("usr9", "ghost"), Token));
    }

    [Fact]
    public async Task FailedSignInsLockTheUserAtTheLimitAndASignInClearsThem()
    {
        await Store.CreateUserAsync(User("usr1", "ada"), onlyIfNoUsers: false, Token);
        var until = T0.AddMinutes(15);

        var afterTwo = await Store.RecordFailedSignInAsync("usr1", 3, until, Token);
        afterTwo = await Store.RecordFailedSignInAsync("usr1", 3, until, Token);
        var afterThree = await Store.RecordFailedSignInAsync("usr1", 3, until, Token);

        Assert.Equal((2, (DateTimeOffset?)null), (afterTwo?.FailedSignIns, afterTwo?.LockedUntil));
        Assert.Equal((0, (DateTimeOffset?)until), (afterThree?.FailedSignIns, afterThree?.LockedUntil));
        Assert.Null(await Store.RecordFailedSignInAsync("usr9", 3, until, Token));

        await Store.RecordFailedSignInAsync("usr1", 3, until, Token);
        await Store.RecordSignInAsync("usr1", T0.AddHours(1), Token);
        var signedIn = await Store.GetUserAsync("usr1", Token);
        Assert.Equal((0, (DateTimeOffset?)null, (DateTimeOffset?)T0.AddHours(1)), (signedIn?.FailedSignIns, signedIn?.LockedUntil, signedIn?.LastSignInAt));
    }

    [Fact]
    public async Task ApiKeysAreFoundByHashUntilRevoked()
    {
        var first = Key("key1", "hash-1", 1);
        await Store.SaveApiKeyAsync(first, Token);
        await Store.SaveApiKeyAsync(Key("key2", "hash-2", 2) with { Scope = ApiKeyScope.Admin }, Token);

        Assert.Equal(first, await Store.FindApiKeyByHashAsync("hash-1", Token));
        Assert.Null(await Store.FindApiKeyByHashAsync("hash-unknown", Token));

        await Store.MarkApiKeyUsedAsync("key1", T0.AddHours(2), Token);
        Assert.Equal(T0.AddHours(2), (await Store.FindApiKeyByHashAsync("hash-1", Token))?.LastUsedAt);

        Assert.True(await Store.RevokeApiKeyAsync("key1", T0.AddHours(3), Token));
        Assert.False(await Store.RevokeApiKeyAsync("key1", T0.AddHours(4), Token));
        Assert.False(await Store.RevokeApiKeyAsync("key9", T0.AddHours(4), Token));

        Assert.Null(await Store.FindApiKeyByHashAsync("hash-1", Token));
        var all = await Store.ListApiKeysAsync(Token);
        Assert.Equal(["key2", "key1"], all.Select(k => k.Id));
        Assert.Equal(T0.AddHours(3), all[1].RevokedAt);
        Assert.Equal(ApiKeyScope.Admin, all[0].Scope);
    }

    [Fact]
    public async Task EachPersonsPreferencesAreKeptApartAndReplacedAsAWhole()
    {
        Assert.Null(await Store.GetUserPreferencesAsync("local:usr1", Token));

        await Store.SaveUserPreferencesAsync("local:usr1", new UserPreferences(DarkMode: true), T0, Token);
        await Store.SaveUserPreferencesAsync("oidc:sub-42", new UserPreferences(DarkMode: false), T0, Token);

        Assert.Equal(new UserPreferences(DarkMode: true), await Store.GetUserPreferencesAsync("local:usr1", Token));
        Assert.Equal(new UserPreferences(DarkMode: false), await Store.GetUserPreferencesAsync("oidc:sub-42", Token));

        await Store.SaveUserPreferencesAsync("local:usr1", new UserPreferences(DarkMode: false), T0.AddMinutes(1), Token);

        Assert.Equal(new UserPreferences(DarkMode: false), await Store.GetUserPreferencesAsync("local:usr1", Token));
        Assert.Null(await Store.GetUserPreferencesAsync("local:usr2", Token));
    }

    [Fact]
    public async Task EachPersonsGridLayoutIsKeptPerTableAndForgottenOnReset()
    {
        Assert.Null(await Store.GetGridLayoutAsync("local:usr1", "appA", "tblA", Token));
        await Store.SaveGridLayoutAsync("local:usr1", "appA", "tblA", new GridLayout(["fldB", "fldA"], ["fldC"]), T0, Token);
        await Store.SaveGridLayoutAsync("local:usr1", "appA", "tblB", new GridLayout(["fldZ"], []), T0, Token);
        await Store.SaveGridLayoutAsync("external:sub/42", "appA", "tblA", new GridLayout([], ["fldA"]), T0, Token);

        var mine = await Store.GetGridLayoutAsync("local:usr1", "appA", "tblA", Token);
        Assert.Equal(["fldB", "fldA"], mine!.Order);
        Assert.Equal(["fldC"], mine.Hidden);
        Assert.Equal(["fldZ"], (await Store.GetGridLayoutAsync("local:usr1", "appA", "tblB", Token))!.Order);
        Assert.Equal(["fldA"], (await Store.GetGridLayoutAsync("external:sub/42", "appA", "tblA", Token))!.Hidden);
        Assert.Null(await Store.GetGridLayoutAsync("local:usr1", "appB", "tblA", Token));

        await Store.SaveGridLayoutAsync("local:usr1", "appA", "tblA", new GridLayout(["fldA"], []), T0.AddMinutes(1), Token);
        Assert.Equal(["fldA"], (await Store.GetGridLayoutAsync("local:usr1", "appA", "tblA", Token))!.Order);

        await Store.SaveGridLayoutAsync("local:usr1", "appA", "tblA", null, T0.AddMinutes(2), Token);
        Assert.Null(await Store.GetGridLayoutAsync("local:usr1", "appA", "tblA", Token));
        Assert.NotNull(await Store.GetGridLayoutAsync("local:usr1", "appA", "tblB", Token));
    }
}
