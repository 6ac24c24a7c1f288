using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// A run's or step's stored error in the reader's language. The engine stores errors in English, in a few stable shapes
/// (the node executors' and the inbox's messages, with a domain error's code in front: <c>CONFLICT: Outside WhatsApp's…</c>);
/// each shape maps to a resource <c>Err_{shape}</c> of <see cref="WorkflowRunsResource"/> with its names and numbers as
/// arguments, the code is dropped once the text is worded, and a provider's own detail (an SMTP or HTTP reply) stays as
/// received. An error of no known shape is shown as stored, like <see cref="ValidationText"/> does for validation messages.
/// </summary>
public static partial class RunErrorText
{
    private static readonly (Regex Shape, string Key, int? CountGroup, int? NestedGroup)[] Shapes =
    [
        (WindowClosed(), "Err_window_closed", null, null),
        (NoPhone(), "Err_no_phone", null, null),
        (Invalid(), "Err_invalid", null, null),
        (CallRefused(), "Err_call_refused", null, 2),
        (NotActive(), "Err_not_active", null, null),
        (NeedsLead(), "Err_needs_lead", null, null),
        (NoLeadToScore(), "Err_no_lead", null, null),
        (LeadGone(), "Err_lead_gone", null, null),
        (SmtpRefused(), "Err_smtp_refused", null, null),
        (EmailFailed(), "Err_email_failed", null, 1),
        (NoSmtp(), "Err_no_smtp", null, null),
        (HttpFailed(), "Err_http_failed", 3, null),
        (HttpStatus(), "Err_http_status", 4, null),
        (NoMember(), "Err_no_member", null, null),
        (NoEmail(), "Err_no_email", null, null),
        (BadEmail(), "Err_bad_email", null, null),
        (LoopGuard(), "Err_loop_guard", 1, null),
        (Unsupported(), "Err_unsupported", null, null),
        (WhatsAppRefused(), "Err_whatsapp_refused", null, null),
        (QuestionEmpty(), "Err_question_empty", null, null),
        (MessageEmpty(), "Err_message_empty", null, null),
        (SettingRequired(), "Err_setting_required", null, null),
    ];

    /// <summary>The error in the reader's language, or as stored when it has no known shape.</summary>
    public static string Message(IStringLocalizer localizer, string error)
    {
        var text = error.Trim();
        if (CodePrefix().Match(text) is { Success: true } coded)
        {
            var inner = Message(localizer, coded.Groups[2].Value);
            return inner == coded.Groups[2].Value ? text : inner;
        }
        foreach (var (shape, key, countGroup, nestedGroup) in Shapes)
        {
            var match = shape.Match(text);
            if (!match.Success) continue;
            var args = match.Groups.Cast<Group>().Skip(1)
                .Select((g, i) => (object)(i + 1 == nestedGroup ? Message(localizer, g.Value) : Number(g.Value))).ToArray();
            var count = countGroup is { } c && long.TryParse(match.Groups[c].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            return countGroup is null
                ? string.Format(CultureInfo.CurrentCulture, localizer[key].Value, args)
                : Plurals.For(localizer, key, count, args);
        }
        return error;
    }

    private static string Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && text.Length < 10 ? n.ToString("N0", CultureInfo.CurrentCulture) : text;

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]+): (.+)$", RegexOptions.Singleline)] private static partial Regex CodePrefix();
    [GeneratedRegex(@"^Outside WhatsApp's 24-hour customer service window\b")] private static partial Regex WindowClosed();
    [GeneratedRegex(@"^(?:One or more fields are invalid\. )?lead has no phone number\.$")] private static partial Regex NoPhone();
    [GeneratedRegex(@"^One or more fields are invalid\. (.+)$", RegexOptions.Singleline)] private static partial Regex Invalid();
    [GeneratedRegex(@"^Workflow '([^']+)' cannot be started: (.+)$", RegexOptions.Singleline)] private static partial Regex CallRefused();
    [GeneratedRegex(@"^The workflow is (?:not|no longer) active or has no published version\b")] private static partial Regex NotActive();
    [GeneratedRegex(@"^([a-z_]+) needs a (?:lead|run about a lead)\b")] private static partial Regex NeedsLead();
    [GeneratedRegex(@"^The run has no lead to score\.$")] private static partial Regex NoLeadToScore();
    [GeneratedRegex(@"^Lead '[^']+' no longer exists\.$")] private static partial Regex LeadGone();
    [GeneratedRegex(@"^The SMTP server refused the e-mail: (.*)$", RegexOptions.Singleline)] private static partial Regex SmtpRefused();
    [GeneratedRegex(@"^The e-mail could not be sent: (.*)$", RegexOptions.Singleline)] private static partial Regex EmailFailed();
    [GeneratedRegex(@"^No SMTP server is configured\b")] private static partial Regex NoSmtp();
    [GeneratedRegex(@"^(\S+) (\S+) failed after (\d+) attempt\(s\): (.*)$", RegexOptions.Singleline)] private static partial Regex HttpFailed();
    [GeneratedRegex(@"^(\S+) (\S+) answered (\d+) after (\d+) attempt\(s\)\.$")] private static partial Regex HttpStatus();
    [GeneratedRegex(@"^No member to assign\b")] private static partial Regex NoMember();
    [GeneratedRegex(@"^The lead has no e-mail address and the node sets no 'to'\.$")] private static partial Regex NoEmail();
    [GeneratedRegex(@"^'(.+)' is not an e-mail address\.$")] private static partial Regex BadEmail();
    [GeneratedRegex(@"^Loop guard: .* more than (\d+) times in a row\b")] private static partial Regex LoopGuard();
    [GeneratedRegex(@"^The node type '(.+)' is not yet supported by this server\.$")] private static partial Regex Unsupported();
    [GeneratedRegex(@"^WhatsApp refused the message\.$")] private static partial Regex WhatsAppRefused();
    [GeneratedRegex(@"^ask_whatsapp's question rendered empty\.$")] private static partial Regex QuestionEmpty();
    [GeneratedRegex(@"^send_whatsapp has neither a text \(it rendered empty\) nor a template_id\.$")] private static partial Regex MessageEmpty();
    [GeneratedRegex(@"^([a-z_]+) is required\.$")] private static partial Regex SettingRequired();
}
