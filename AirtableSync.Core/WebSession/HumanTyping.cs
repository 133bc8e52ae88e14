using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// Types like a person, one key at a time with a varying hold (§6: 40–150 ms per key), never pasting.
internal static class HumanTyping
{
    public static async Task TypeAsync(ILocator field, string text, BrowserOptions options)
    {
        await field.ClickAsync();
        await field.FillAsync("");
        var keys = StringInfo.GetTextElementEnumerator(text);
        while (keys.MoveNext())
        {
            var delay = options.MaxKeyDelayMs <= options.MinKeyDelayMs
                ? options.MinKeyDelayMs
                : RandomNumberGenerator.GetInt32(options.MinKeyDelayMs, options.MaxKeyDelayMs + 1);
            await field.PressSequentiallyAsync(keys.GetTextElement(), new() { Delay = delay });
        }
    }
}
