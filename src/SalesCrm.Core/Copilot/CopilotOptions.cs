using System.ComponentModel.DataAnnotations;

namespace SalesCrm.Core.Copilot;

/// <summary>The <c>Copilot</c> configuration section.</summary>
public sealed class CopilotOptions
{
    public CopilotChatOptions Chat { get; set; } = new();

    /// <summary>How long an identical request is answered from the cache, in minutes; 0 turns the cache off.</summary>
    [Range(0, 10080)]
    public int CacheTtlMinutes { get; set; } = 60;

    /// <summary>Suggest requests per user per hour (panel and API together); past it, 429 with <c>Retry-After</c>.</summary>
    [Range(1, 100000)]
    public int RequestsPerHour { get; set; } = 100;
}
