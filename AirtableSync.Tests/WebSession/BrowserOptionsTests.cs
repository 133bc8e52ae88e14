using AirtableSync.WebSession;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.WebSession;

public class BrowserOptionsTests
{
    private static BrowserOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddWebSession();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BrowserOptions>>().Value;
    }

    [Fact]
    public void VirtualDisplayDefaultsToAutoWithXvfbFromThePath()
    {
        var options = Bind([]);

        Assert.Equal((VirtualDisplayMode.Auto, "Xvfb"), (options.VirtualDisplay, options.XvfbPath));
        Assert.Equal(VirtualDisplayMode.Never, Bind(new() { ["Browser:VirtualDisplay"] = "never" }).VirtualDisplay);
    }

    [Fact]
    public void UnknownVirtualDisplayModeOrEmptyXvfbPathIsRefused()
    {
        Assert.ThrowsAny<InvalidOperationException>(() => Bind(new() { ["Browser:VirtualDisplay"] = "Sometimes" }));
        var empty = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Browser:XvfbPath"] = "" }));
        Assert.Contains("XvfbPath", empty.Message, StringComparison.Ordinal);
    }
}
