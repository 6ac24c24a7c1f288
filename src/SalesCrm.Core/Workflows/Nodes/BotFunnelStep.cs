namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// One question of a bot's funnel: how many runs <paramref name="Reached"/> it (asked at least once), how many
/// <paramref name="Answered"/> it validly, how many dropped there (<paramref name="Dropped"/> = reached − answered, of which
/// <paramref name="Waiting"/> still wait for the reply) and why (<paramref name="Outcomes"/>: timeout, invalid, handoff, stopped, waiting).
/// </summary>
public sealed record BotFunnelStep(string NodeId, string? Label, string Question, int Reached, int Answered, int Dropped, int Waiting, double DropOffRate,
    IReadOnlyDictionary<string, int> Outcomes);
