using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>The languages speech is offered in, and their names for espeak-ng and Whisper.</summary>
public static class SpeechLanguage
{
    /// <summary>
    /// The canonical tag (<c>pt-BR</c> or <c>en</c>) for what a caller sent: <c>pt-BR</c>, <c>pt</c>, <c>en</c>,
    /// <c>en-US</c>… in any case; null or empty means <paramref name="fallback"/>. Anything else is a
    /// <see cref="ValidationException"/> on <c>language</c>.
    /// </summary>
    public static string Canonical(string? language, string fallback = "pt-BR")
    {
        var value = string.IsNullOrWhiteSpace(language) ? fallback : language.Trim();
        var primary = value.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "pt" => "pt-BR",
            "en" => "en",
            _ => throw new ValidationException("language", $"'{value}' is not offered: use pt-BR or en."),
        };
    }

    /// <summary>espeak-ng's voice for a canonical tag.</summary>
    public static string EspeakVoice(string canonical) => canonical == "en" ? "en-us" : "pt-br";

    /// <summary>ISO 639-1, as Whisper takes it.</summary>
    public static string Iso639(string canonical) => canonical == "en" ? "en" : "pt";
}
