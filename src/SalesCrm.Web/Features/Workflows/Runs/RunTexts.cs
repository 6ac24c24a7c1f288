using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>How the runs pages word and colour run and step states, triggers, durations and "how long ago".</summary>
public sealed class RunTexts(IStringLocalizer<WorkflowRunsResource> t)
{
    public string this[string key] => t[key];

    public string Status(string status) => Or($"Status_{status}", status);

    public string Trigger(string? kind) => kind is null ? "—" : Or($"Trigger_{kind}", kind);

    public static Color Color(string status) => status switch
    {
        WorkflowRunStatuses.Completed => MudBlazor.Color.Success,
        WorkflowRunStatuses.Failed => MudBlazor.Color.Error,
        WorkflowRunStatuses.Waiting => MudBlazor.Color.Warning,
        WorkflowRunStatuses.Running or WorkflowStepStatuses.Retrying => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>"há 5 min" / "5 min ago"; "agora" under a minute.</summary>
    public string Ago(DateTime utc, DateTime nowUtc)
    {
        var span = nowUtc - utc;
        if (span < TimeSpan.FromMinutes(1)) return t["JustNow"];
        if (span < TimeSpan.FromHours(1)) return string.Format(t["MinutesAgo"], (int)span.TotalMinutes);
        if (span < TimeSpan.FromDays(1)) return string.Format(t["HoursAgo"], (int)span.TotalHours);
        return string.Format(t["DaysAgo"], (int)span.TotalDays);
    }

    /// <summary>A duration as "850 ms", "12 s", "3 min", "2 h 5 min".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds < 1 ? $"{(int)span.TotalMilliseconds} ms"
        : span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalHours} h {span.Minutes} min";

    private string Or(string key, string fallback)
    {
        var text = t[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
