using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AirtableSync.WebSession;

// An Xvfb X server the app starts for a headful Chromium on a machine without a display (docs/airtable/revision-history.md §6:
// a visible browser is challenged less, and a person can solve the challenge through the wizard's picture of it).
// Xvfb picks a free display itself (-displayfd) and writes its number once it accepts clients: that line is the
// ready signal. Disposing kills the server; LaunchedBrowser owns it so it dies with the browser.
public sealed class VirtualDisplay : IDisposable
{
    private const string TerminateDelaySeconds = "5";

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private VirtualDisplay(Process process)
    {
        _process = process;
    }

    // The value for the DISPLAY variable, e.g. ":1".
    public string Display { get; private set; } = "";

    public int ProcessId => _process.Id;

    /// <exception cref="VirtualDisplayException">Xvfb is missing, exited, or did not become ready in time.</exception>
    public static async Task<VirtualDisplay> StartAsync(string xvfbPath, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(xvfbPath)
        {
            // -nolisten tcp: only local clients (our Chromium) over the unix socket. -terminate: the server ends by
            // itself a few seconds after its last client leaves, so it cannot outlive its browser even when no
            // Dispose runs (the app was killed); the delay lets a short-lived client come and go without ending it.
            ArgumentList = { "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-terminate", TerminateDelaySeconds },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new VirtualDisplayException($"Could not start {xvfbPath}.");
        }
        catch (Win32Exception)
        {
            throw new VirtualDisplayException(
                $"The virtual display could not start: '{xvfbPath}' was not found. Install xvfb (apt-get install xvfb), set Browser:XvfbPath, or set Browser:Headless=true.");
        }
        var display = new VirtualDisplay(process);
        try
        {
            await display.WaitUntilReadyAsync(xvfbPath, timeout);
            return display;
        }
        catch
        {
            display.Dispose();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(string xvfbPath, TimeSpan timeout)
    {
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                if (e.Data is { Length: > 0 } line && _errors.Length < 2000)
                {
                    _errors.AppendLine(line);
                }
            }
        };
        _process.BeginErrorReadLine();
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new VirtualDisplayException($"The virtual display ({xvfbPath}) did not become ready within {timeout.TotalSeconds:0} s.");
        }
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            string errors;
            lock (_errors)
            {
                errors = _errors.ToString().Trim();
            }
            throw new VirtualDisplayException($"The virtual display ({xvfbPath}) exited before it was ready{(errors.Length > 0 ? ": " + errors : ".")}");
        }
        Display = ":" + number.ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}

/// <summary>The app-managed virtual display could not be started; the message tells the admin what to do.</summary>
public sealed class VirtualDisplayException : Exception
{
    public VirtualDisplayException() : base("The virtual display could not be started.") { }

    public VirtualDisplayException(string message) : base(message) { }

    public VirtualDisplayException(string message, Exception innerException) : base(message, innerException) { }
}
