using System.Text.Json.Serialization;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Scale;

/// <summary>
/// What travels on the cluster bus: committed events (<see cref="Events"/>), a tenant signal (<see cref="Signal"/> and
/// <see cref="TenantId"/>) or a work wake-up (<see cref="Signal"/> alone). <see cref="Origin"/> is the sending instance,
/// which has already delivered the message to its own subscribers.
/// </summary>
public sealed class ClusterMessage
{
    [JsonPropertyName("o")] public Guid Origin { get; set; }
    [JsonPropertyName("s")] public string? Signal { get; set; }
    [JsonPropertyName("t")] public Guid? TenantId { get; set; }
    [JsonPropertyName("e")] public List<CrmEvent>? Events { get; set; }
}
