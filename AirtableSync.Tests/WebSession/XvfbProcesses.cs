using System.Diagnostics;

namespace AirtableSync.Tests.WebSession;

/// <summary>Checks an app-started Xvfb has ended, by its pid (and that the pid still names an Xvfb, not a reused one).</summary>
internal static class XvfbProcesses
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("Xvfb", StringComparison.Ordinal) && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static async Task AssertGoneAsync(int pid, int withinSeconds = 5)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(withinSeconds));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            // Already gone (or still there after the wait, which the assertion reports).
        }
        Assert.False(IsRunning(pid), $"Xvfb {pid} is still running.");
    }
}
