namespace SalesCrm.Core.Leads;

/// <summary>What the score is computed from; pure data so the rules can be tested without a database.</summary>
public sealed record ScoringInput(
    bool HasName, bool HasEmail, bool HasPhone, bool HasCompany, bool HasValue,
    LeadSource Source, DateTime? LastInteractionAt, int InteractionCount, int StageProbability, LeadStatus Status, DateTime Now);

/// <summary>
/// Rule-based 0–100 score: profile completeness (≤ 25), source (≤ 15), engagement by recency (≤ 20) and count (≤ 15),
/// and stage (≤ 25, the stage's win probability). Won deals score 100, lost ones 0.
/// </summary>
public static class LeadScoring
{
    /// <summary>Recomputes and stores a lead's score and breakdown.</summary>
    public static void Apply(Lead lead, int stageProbability, DateTime now)
    {
        var (score, breakdown) = Compute(new ScoringInput(
            !string.IsNullOrWhiteSpace(lead.Name), lead.Email is not null, lead.Phone is not null, lead.Company is not null, lead.ValueCents > 0,
            lead.Source, lead.LastInteractionAt, lead.InteractionCount, stageProbability, lead.Status, now));
        lead.Score = score;
        lead.ScoreBreakdown = System.Text.Json.JsonSerializer.Serialize(breakdown);
    }

    public static (int Score, IReadOnlyDictionary<string, int> Breakdown) Compute(ScoringInput input)
    {
        var breakdown = new Dictionary<string, int>
        {
            ["completeness"] = (input.HasName ? 5 : 0) + (input.HasEmail ? 5 : 0) + (input.HasPhone ? 7 : 0) + (input.HasCompany ? 4 : 0) + (input.HasValue ? 4 : 0),
            ["source"] = input.Source switch
            {
                LeadSource.Referral => 15,
                LeadSource.Website or LeadSource.Whatsapp => 12,
                LeadSource.MetaAds or LeadSource.Instagram or LeadSource.Facebook => 9,
                LeadSource.Zapier or LeadSource.Api => 8,
                LeadSource.Manual => 6,
                _ => 4,
            },
            ["recency"] = input.LastInteractionAt is not { } last ? 0 : (input.Now - last) switch
            {
                var age when age <= TimeSpan.FromDays(1) => 20,
                var age when age <= TimeSpan.FromDays(3) => 15,
                var age when age <= TimeSpan.FromDays(7) => 10,
                var age when age <= TimeSpan.FromDays(30) => 5,
                _ => 0,
            },
            ["engagement"] = Math.Min(input.InteractionCount * 3, 15),
            ["stage"] = (int)Math.Round(Math.Clamp(input.StageProbability, 0, 100) * 0.25),
        };
        var score = input.Status switch
        {
            LeadStatus.Won => 100,
            LeadStatus.Lost => 0,
            _ => Math.Clamp(breakdown.Values.Sum(), 0, 100),
        };
        return (score, breakdown);
    }
}
