using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ParkMetrics.Web.Components.Shared;

/// <summary>
/// Reads what is typed or pasted in a textarea as a stream from the browser: a report's text is larger than one circuit
/// message may be. One per page; disposed with it.
/// </summary>
public sealed class TextAreaReader(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? module;

    /// <summary>The text ("" when empty), or null when it is longer than <paramref name="maxCharacters"/>.</summary>
    public async Task<string?> ReadAsync(ElementReference textArea, int maxCharacters)
    {
        module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/text-area.js");
        if (await module.InvokeAsync<bool>("isEmpty", textArea)) return "";
        var reference = await module.InvokeAsync<IJSStreamReference>("readText", textArea);
        var maxBytes = maxCharacters * 4L; // UTF-8 takes at most four bytes a character
        if (reference.Length > maxBytes) return null;
        await using var stream = await reference.OpenReadStreamAsync(maxBytes);
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, false));
        var text = await reader.ReadToEndAsync();
        return text.Length > maxCharacters ? null : text;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
