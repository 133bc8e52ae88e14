using Microsoft.Extensions.Hosting;

namespace AirtableSync.Storage;

// Creates or migrates the store in StartingAsync, which the host runs before any hosted
// service's StartAsync, so background services (the job runner) always find a ready store.
internal sealed class StorageInitializer(ISyncStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
