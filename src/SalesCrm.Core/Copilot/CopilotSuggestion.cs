using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>One suggestion shown in a session, with the chunks it cites and the rep's rating of it.</summary>
public sealed class CopilotSuggestion : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    /// <summary>0-based place in the session's list.</summary>
    public int Position { get; set; }
    public required string Text { get; set; }
    public SuggestionOrigin Origin { get; set; }
    public List<SuggestionSource> Sources { get; set; } = [];
    /// <summary>true = thumbs up, false = thumbs down, null = not rated.</summary>
    public bool? Rating { get; set; }
    public string? Comment { get; set; }
    public Guid? RatedBy { get; set; }
    public DateTime? RatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
