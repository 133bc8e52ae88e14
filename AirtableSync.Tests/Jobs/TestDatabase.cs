namespace AirtableSync.Tests.Jobs;

/// <summary>A SQLite file in its own temp directory, shared by the hosts of one test (a "restart" reopens it).</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airtablesync-jobs-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "sync.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test; the OS temp cleaner takes it.
        }
    }
}
