using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Features.Leads;

namespace SalesCrm.Web.Tests.Leads;

public class LeadListFiltersTests
{
    private static string[] Grammar(LeadListFilters filters, DateTime today, Func<DateTime, DateTime> toUtc) =>
        filters.ToConditions(today, toUtc).Select(c => FilterGrammar.Format(c)).ToArray();

    [Fact]
    public void Every_filled_box_becomes_one_condition_of_the_api_grammar()
    {
        var stage = Guid.NewGuid();
        var owner = Guid.NewGuid();
        var filters = new LeadListFilters
        {
            Name = " Ana_50% ", Company = "Ótica", Phone = "(61) 97078", Email = "@x.com", StageId = stage, MinValue = 1500.5m, OwnerId = owner, MinScore = 40,
            Source = LeadSource.MetaAds, Tag = " VIP ", CreatedWithinDays = 7,
        };
        // São Paulo is UTC-3: the 7 days up to 2026-11-30 start on 11-24 at 00:00 there, 03:00 UTC.
        var conditions = Grammar(filters, new DateTime(2026, 11, 30), local => local.AddHours(3));
        Assert.Equal([
            @"name_folded=ilike.*ana\_50\%*", "company_folded=ilike.*otica*", "email_folded=ilike.*@x.com*", "phone=like.*6197078*", $"stage_id=eq.{stage}", "value=gte.1500.5",
            $"owner_id=eq.{owner}", "score=gte.40", "source=eq.meta_ads", "tags=cs.{vip}", "created_at=gte.2026-11-24T03:00:00Z",
        ], conditions);
    }

    [Fact]
    public void Empty_boxes_filter_nothing_and_today_starts_at_the_workspaces_midnight()
    {
        Assert.Empty(Grammar(new LeadListFilters { Name = "  ", Phone = "" }, new DateTime(2026, 11, 30), d => d));
        Assert.Equal(["created_at=gte.2026-11-30T03:00:00Z"], Grammar(new LeadListFilters { CreatedWithinDays = 1 }, new DateTime(2026, 11, 30), d => d.AddHours(3)));
    }
}
