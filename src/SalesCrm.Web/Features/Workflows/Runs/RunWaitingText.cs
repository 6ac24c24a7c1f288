using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// What a waiting run waits for, in the reader's language: "Aguardando a resposta do lead à pergunta “Qual o seu nome?”
/// até 06/12/2026 10:00.". The engine stores a description in its own words per wait (an ask step's question, a delay's
/// "delay until …", a wait step's event type); each known shape is written again from the resources, anything else as stored.
/// </summary>
public static partial class RunWaitingText
{
    /// <summary>The sentence for <paramref name="waiting"/>; <paramref name="toLocal"/> turns its UTC deadline into the reader's time.</summary>
    public static string For(IStringLocalizer<WorkflowRunsResource> r, WorkflowRunWaitingDto waiting, Func<DateTime, DateTime> toLocal)
    {
        var what = waiting.Description is { } d && AskShape().Match(d) is { Success: true } ask ? string.Format(CultureInfo.CurrentCulture, r["WaitingAnswer"], ask.Groups[1].Value)
            : waiting.Description is { } delay && delay.StartsWith("delay until ", StringComparison.Ordinal) ? r["WaitingTime"].Value
            : waiting.EventType is { } type ? string.Format(CultureInfo.CurrentCulture, r["WaitingEvent"], type)
            : waiting.Description ?? r["WaitingTime"].Value;
        var text = string.Format(CultureInfo.CurrentCulture, r["WaitingFor"], what);
        return waiting.Until is { } until ? $"{text} {string.Format(CultureInfo.CurrentCulture, r["WaitingUntil"], toLocal(until).ToString("g", CultureInfo.CurrentCulture))}" : text;
    }

    /// <summary>The ask step's description (<c>AskWhatsAppNode</c>): <c>resposta do lead à pergunta "…"</c>.</summary>
    [GeneratedRegex("^resposta do lead à pergunta \"(.*)\"$", RegexOptions.Singleline)] private static partial Regex AskShape();
}
