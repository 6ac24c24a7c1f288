using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Checks and normalizes a lead's reply to an ask-on-WhatsApp question by the expected <see cref="AnswerType"/>:
/// a name (letters incl. accents, 2+ letters; "meu nome é …" and greetings trimmed; case fixed), an e-mail (found in the
/// sentence, lower case), a phone (libphonenumber in the workspace region through <see cref="ContactNormalizer"/>,
/// E.164), a number (<see cref="NumberAnswer"/>), a date (<see cref="DateAnswer"/>) or one of the options
/// (<see cref="OptionAnswer"/>). Never throws on any text; replies over <see cref="MaxReplyLength"/> are <c>too_long</c>.
/// </summary>
public static partial class AnswerValidator
{
    /// <summary>The longest reply read, in characters (a WhatsApp text can be 4096).</summary>
    public const int MaxReplyLength = 1000;

    /// <summary>
    /// Validates <paramref name="reply"/> (the text the lead sent) or, for a tapped button or list row,
    /// <paramref name="buttonId"/> (the option id WhatsApp returns). See <see cref="AnswerResult"/> for the values and reasons.
    /// </summary>
    public static AnswerResult Validate(AnswerType type, string? reply, AnswerContext? context = null, string? buttonId = null)
    {
        var ctx = context ?? new AnswerContext();
        if (type == AnswerType.Option && !string.IsNullOrEmpty(buttonId) && ctx.Options.FirstOrDefault(o => o.Id == buttonId) is { } tapped)
            return AnswerResult.Valid(JsonValue.Create(tapped.Id), tapped.Title);
        if (string.IsNullOrWhiteSpace(reply)) return AnswerResult.Invalid("empty");
        if (reply.Length > MaxReplyLength) return AnswerResult.Invalid("too_long");
        var text = UnicodeText.Nfc(SafeText.Clean(reply.Trim()));
        return type switch
        {
            AnswerType.Name => NameAnswer.Validate(text, ctx),
            AnswerType.Email => Email(text),
            AnswerType.Phone => Phone(text, ctx),
            AnswerType.Number => NumberAnswer.Validate(text, ctx),
            AnswerType.Date => DateAnswer.Validate(text, ctx),
            AnswerType.Option => OptionAnswer.Validate(text, ctx.Options),
            _ => AnswerResult.Valid(JsonValue.Create(text), text),
        };
    }

    /// <summary>Reads a settings value (<c>"email"</c>, <c>"Phone"</c>); null for an unknown type.</summary>
    public static AnswerType? ParseType(string? name) =>
        Enum.TryParse<AnswerType>(name?.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(name, out _) ? type : null;

    private static AnswerResult Email(string text)
    {
        var candidate = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Contains('@'));
        if (candidate is null) return AnswerResult.Invalid("invalid_email");
        candidate = candidate.Trim('<', '>', '(', ')', '"', '\'', ',', ';', '.', '!', '?', ':');
        if (candidate.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) candidate = candidate[7..];
        if (!Validator.IsEmail(candidate)) return AnswerResult.Invalid("invalid_email");
        var email = ContactNormalizer.NormalizeEmail(candidate)!;
        return AnswerResult.Valid(JsonValue.Create(email), email);
    }

    private static AnswerResult Phone(string text, AnswerContext ctx)
    {
        // "meu número é (11) 98888-7777": keep the longest run that looks like a phone number.
        var candidate = PhoneRun().Matches(text).Select(m => m.Value.Trim()).OrderByDescending(v => v.Count(char.IsAsciiDigit)).FirstOrDefault();
        if (candidate is null || candidate.Count(char.IsAsciiDigit) is < 8 or > 17) return AnswerResult.Invalid("invalid_phone");
        var e164 = ContactNormalizer.TryNormalizePhone(candidate, ctx.Region);
        return e164 is null ? AnswerResult.Invalid("invalid_phone") : AnswerResult.Valid(JsonValue.Create(e164), ContactNormalizer.Display(e164, ctx.Region));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\(?\d[\d\s().\-]{6,24}\d", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial System.Text.RegularExpressions.Regex PhoneRun();
}
