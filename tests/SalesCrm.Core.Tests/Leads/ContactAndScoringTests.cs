using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tests.Leads;

public class ContactAndScoringTests
{
    [Theory]
    [InlineData("(11) 98765-4321", "BR", "+5511987654321")]
    [InlineData("11 98765 4321", "BR", "+5511987654321")]
    [InlineData("+55 21 3333-4444", "BR", "+552133334444")]
    [InlineData("5511987654321", "BR", "+5511987654321")]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    public void Phones_are_normalized_to_E164_with_the_tenants_region(string raw, string region, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, region));

    [Theory]
    [InlineData("123")]
    [InlineData("abc")]
    [InlineData("+55 11 1234")]
    public void Invalid_phones_are_validation_errors(string raw) =>
        Assert.True(Assert.Throws<ValidationException>(() => ContactNormalizer.NormalizePhone(raw, "BR")).Errors.ContainsKey("phone"));

    [Fact]
    public void Blank_contacts_stay_empty_and_emails_compare_case_insensitively()
    {
        Assert.Null(ContactNormalizer.NormalizePhone("  ", "BR"));
        Assert.Null(ContactNormalizer.NormalizeEmail(""));
        Assert.Equal("ana@exemplo.com", ContactNormalizer.NormalizeEmail(" Ana@Exemplo.COM "));
    }

    private static ScoringInput Input(LeadSource source = LeadSource.Manual, DateTime? last = null, int count = 0, int probability = 0, LeadStatus status = LeadStatus.Open,
        bool complete = false) => new(true, complete, complete, complete, complete, source, last, count, probability, status, new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void The_score_adds_completeness_source_engagement_and_stage_and_stays_within_0_to_100()
    {
        var (bare, bareBreakdown) = LeadScoring.Compute(Input());
        Assert.Equal(5 + 6, bare);
        Assert.Equal(["completeness", "source", "recency", "engagement", "stage"], bareBreakdown.Keys);
        var (hot, breakdown) = LeadScoring.Compute(Input(LeadSource.Referral, new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc), 9, 80, complete: true));
        Assert.Equal(25, breakdown["completeness"]);
        Assert.Equal(15, breakdown["source"]);
        Assert.Equal(20, breakdown["recency"]);
        Assert.Equal(15, breakdown["engagement"]);
        Assert.Equal(20, breakdown["stage"]);
        Assert.Equal(95, hot);
        Assert.Equal(breakdown.Values.Sum(), hot);
    }

    [Fact]
    public void Recent_contact_scores_more_than_old_contact()
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        int Recency(double daysAgo) => LeadScoring.Compute(Input(last: now.AddDays(-daysAgo), count: 1)).Breakdown["recency"];
        Assert.True(Recency(0.5) > Recency(2));
        Assert.True(Recency(2) > Recency(5));
        Assert.True(Recency(5) > Recency(20));
        Assert.Equal(0, Recency(60));
    }

    [Fact]
    public void Won_deals_score_100_and_lost_ones_0()
    {
        Assert.Equal(100, LeadScoring.Compute(Input(status: LeadStatus.Won)).Score);
        Assert.Equal(0, LeadScoring.Compute(Input(status: LeadStatus.Lost, complete: true)).Score);
    }
}
