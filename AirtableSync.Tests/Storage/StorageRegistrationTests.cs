using AirtableSync.Storage;
using AirtableSync.Storage.Mongo;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Storage;

public sealed class StorageRegistrationTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static IHost BuildHost(string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddSyncStorage();
        return builder.Build();
    }

    private string NewContentRoot() => Directory.CreateDirectory(Path.Combine(directory.Path, Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task DefaultsToASqliteFileInTheDataDirectoryUnderTheContentRootCreatedAtStartUp()
    {
        var root = NewContentRoot();
        using var host = BuildHost(root);

        await host.StartAsync(Token);

        var store = Assert.IsType<SqliteSyncStore>(host.Services.GetRequiredService<ISyncStore>());
        Assert.Equal(Path.Combine(root, "data", "airtablesync.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Empty(await store.ListBasesAsync(Token)); // initialized: the tables exist
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task RelativeSqlitePathAndDataDirectoryResolveAgainstTheContentRoot()
    {
        var root = NewContentRoot();
        using var custom = BuildHost(root, ("Storage:Sqlite:Path", "db/custom.db"));
        using var byDirectory = BuildHost(root, ("Storage:DataDirectory", "state"));

        Assert.Equal(Path.Combine(root, "db", "custom.db"), Assert.IsType<SqliteSyncStore>(custom.Services.GetRequiredService<ISyncStore>()).DatabasePath);
        Assert.Equal(Path.Combine(root, "state", "airtablesync.db"), Assert.IsType<SqliteSyncStore>(byDirectory.Services.GetRequiredService<ISyncStore>()).DatabasePath);
        await Task.CompletedTask;
    }

    [Fact]
    public void EveryStoreRoleResolvesToTheOneStore()
    {
        using var host = BuildHost(NewContentRoot());
        var store = host.Services.GetRequiredService<ISyncStore>();

        Assert.Same(store, host.Services.GetRequiredService<IConnectionStore>());
        Assert.Same(store, host.Services.GetRequiredService<ISchemaStore>());
        Assert.Same(store, host.Services.GetRequiredService<IRecordStore>());
        Assert.Same(store, host.Services.GetRequiredService<IRevisionStore>());
        Assert.Same(store, host.Services.GetRequiredService<IJobStore>());
        Assert.Same(store, host.Services.GetRequiredService<ICheckpointStore>());
        Assert.Same(store, host.Services.GetRequiredService<IAccountStore>());
    }

    [Fact]
    public async Task MongoDbProviderWithoutAConnectionStringFailsStartUpClearly()
    {
        using var host = BuildHost(NewContentRoot(), ("Storage:Provider", "MongoDb"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("Storage:MongoDb:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MongoDbProviderWithAConnectionStringUsesTheMongoStoreAndOneClient()
    {
        // Resolving connects to nothing: MongoClient connects lazily, so no server is needed to check the wiring.
        using var host = BuildHost(NewContentRoot(), ("Storage:Provider", "mongodb"), ("Storage:MongoDb:ConnectionString", "mongodb://127.0.0.1:1"));

        Assert.IsType<MongoSyncStore>(host.Services.GetRequiredService<ISyncStore>());
        Assert.Same(host.Services.GetRequiredService<MongoDB.Driver.IMongoClient>(), host.Services.GetRequiredService<MongoDB.Driver.IMongoClient>());
    }

    [Fact]
    public async Task AnUnknownProviderFailsStartUp()
    {
        using var host = BuildHost(NewContentRoot(), ("Storage:Provider", "Postgres"));

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync(Token));
    }
}
