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

    public static async Task AssertGoneAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            // Already gone (or still there after 5 s, which the assertion reports).
        }
        Assert.False(IsRunning(pid), $"Xvfb {pid} is still running.");
    }
}
