using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>Insights as cards; the buttons report (id, dismissed | done) to the parent, which calls the service.</summary>
public partial class InsightList
{
    /// <summary>At most this many leads are linked per insight; the rest are counted.</summary>
    public const int ShownLeads = 5;

    [Parameter, EditorRequired] public IReadOnlyList<InsightDto> Items { get; set; } = [];

    /// <summary>Names of the evidence's leads the reader may open; a lead not in it shows as a short id.</summary>
    [Parameter] public IReadOnlyDictionary<Guid, string> LeadNames { get; set; } = new Dictionary<Guid, string>();

    [Parameter] public EventCallback<(Guid Id, InsightStatus Status)> OnResolve { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private string LeadName(Guid id) => LeadNames.TryGetValue(id, out var name) ? name : id.ToString("N")[..8];

    private static int Percent(double confidence) => (int)Math.Round(confidence * 100);

    public static Color ColorOf(InsightPriority priority) => priority switch
    {
        InsightPriority.Critical => Color.Error,
        InsightPriority.High => Color.Warning,
        InsightPriority.Medium => Color.Info,
        _ => Color.Default,
    };
}
