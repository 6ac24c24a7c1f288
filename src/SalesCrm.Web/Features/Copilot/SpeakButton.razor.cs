using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// A small button that speaks <see cref="Text"/>: the audio comes from <see cref="ITextToSpeech"/> and is streamed to
/// the browser, which plays it (<c>playAudio</c> in the app's JS module). Failures show as a snackbar in the reader's language.
/// </summary>
public partial class SpeakButton
{
    [Parameter, EditorRequired] public string? Text { get; set; }

    /// <summary><c>pt-BR</c> or <c>en</c>; null: the reader's UI language.</summary>
    [Parameter] public string? Language { get; set; }

    [Inject] private ITextToSpeech Speech { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private bool _busy;

    /// <summary>How many times audio was handed to the browser (a marker for tests).</summary>
    internal int Played { get; private set; }

    private async Task SpeakAsync()
    {
        _busy = true;
        try
        {
            var audio = await Speech.SynthesizeAsync(Text, Language ?? VoiceErrors.ReaderLanguage());
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
            using var stream = new DotNetStreamReference(new MemoryStream(audio.Content));
            await module.InvokeVoidAsync("playAudio", stream, audio.ContentType);
            Played++;
        }
        catch (Exception e) when (VoiceErrors.Describe(L, e) is { } message)
        {
            Snackbar.Add(message, Severity.Warning);
        }
        catch (JSDisconnectedException)
        {
        }
        catch (JSException)
        {
            // The browser refused to play (no audio output, autoplay rules).
            Snackbar.Add(L["AudioPlaybackFailed"], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }
}
