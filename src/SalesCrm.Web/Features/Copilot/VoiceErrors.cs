using Microsoft.Extensions.Localization;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>What the voice components tell the reader when speech fails: the reason in their language, never a stack trace.</summary>
internal static class VoiceErrors
{
    /// <summary>The message for a failure of <see cref="ITextToSpeech"/> or <see cref="ISpeechToText"/>; null for an error that is no speech error (rethrow it).</summary>
    public static string? Describe(IStringLocalizer localizer, Exception error) => error switch
    {
        SpeechUnavailableException { Code: SpeechUnavailableException.SttUnavailable } => localizer["SttUnavailable"],
        SpeechUnavailableException => localizer["TtsUnavailable"],
        ProviderException => localizer["SpeechProviderError"],
        // No field is highlighted there: say what is wrong rather than "fix the highlighted fields".
        ValidationException v => $"{localizer["InvalidInput"]} {SalesCrm.Web.Components.Shared.ValidationText.Summary(localizer, v)}",
        ForbiddenException => localizer["AccessDenied"],
        NotFoundException => localizer["NotFound"],
        MediaUnavailableException => localizer["MediaUnavailable"],
        _ => null,
    };

    /// <summary>The culture the reader uses as a speech language: <c>en</c> for English, else <c>pt-BR</c>.</summary>
    public static string ReaderLanguage() =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "pt-BR";
}
