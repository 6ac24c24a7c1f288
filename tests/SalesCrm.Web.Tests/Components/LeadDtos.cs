using System.Text.Json;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Tests.Components;

/// <summary>Leads as pages receive them, for component tests: an open lead in <paramref name="stage"/>; vary it with <c>with</c>.</summary>
public static class LeadDtos
{
    public static LeadDto Open(string name, Guid pipelineId, Guid stageId, bool rotting = false, ActivitySummary? next = null, LeadPriority priority = LeadPriority.Normal) => new(
        Guid.NewGuid(), name, null, null, null, null, "Padaria", LeadSource.Whatsapp, ["whatsapp"], null, null, null, null, null, Guid.NewGuid(), "Carla Mendes",
        priority, 1500m, "BRL", null, 40, new Dictionary<string, int>(), ["vip"], JsonSerializer.SerializeToElement(new { }), LeadStatus.Open, null,
        pipelineId, stageId, 1, DateTime.UtcNow.AddDays(-4), null, 0, 1, DateTime.UtcNow, DateTime.UtcNow, rotting, 4, next);
}
