using AirtableSync.Airtable;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;

namespace AirtableSync.Web.Benchmarks;

// A benchmark's own copy of the app: storage in a temp directory of its own (deleted on dispose), the Airtable
// client pointed at a fake with BenchmarkToken, jobs and sync, plus what the benchmark adds.
internal sealed class BenchmarkHost : IDisposable
{
    private readonly string _dataDirectory;

    private BenchmarkHost(IHost host, string dataDirectory)
    {
        Host = host;
        _dataDirectory = dataDirectory;
    }

    public IHost Host { get; }

    public static async Task<BenchmarkHost> StartAsync(
        Uri airtable, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? addServices, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("airtablesync-bench-").FullName;
        try
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Airtable:ApiBaseUrl"] = airtable.ToString(),
                ["Airtable:PersonalAccessToken"] = BenchmarkToken.Value,
                // Read only where the benchmark adds the web session; inside the data directory so it goes with it.
                ["Browser:ProfileDirectory"] = Path.Combine(dataDirectory, "profiles"),
            }.Concat(settings));
            builder.Services.AddSyncStorage();
            builder.Services.AddAirtableClient();
            builder.Services.AddJobs();
            builder.Services.AddSync();
            addServices?.Invoke(builder.Services);
            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
                return new BenchmarkHost(host, dataDirectory);
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
        catch
        {
            DeleteDirectory(dataDirectory);
            throw;
        }
    }

    public void Dispose()
    {
        Host.Dispose();
        DeleteDirectory(_dataDirectory);
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
