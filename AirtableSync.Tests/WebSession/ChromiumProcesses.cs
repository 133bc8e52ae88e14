using System.Diagnostics;

namespace AirtableSync.Tests.WebSession;

/// <summary>Finds Chromium processes by their profile directory on the command line (what `pgrep -f dir` would do).</summary>
internal static class ChromiumProcesses
{
    public static IReadOnlyList<int> Using(string profileDirectory)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(profileDirectory, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>Waits on each remaining process's exit (children die just after the browser), then asserts none is left.</summary>
    public static async Task AssertNoneLeftAsync(string profileDirectory)
    {
        foreach (var pid in Using(profileDirectory))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or still running after 5 s (the assertion below reports it).
            }
        }
        Assert.Empty(Using(profileDirectory));
    }
}
