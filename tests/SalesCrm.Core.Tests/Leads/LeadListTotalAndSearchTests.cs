using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>How far the lead list counts, and the SQLite search index that triggers keep beside the leads.</summary>
public class LeadListTotalAndSearchTests
{
    /// <summary>Bulk-inserts leads named "Lead 0000"… straight into the database (the API would take minutes for a thousand).</summary>
    private static async Task SeedAsync(LeadWorld world, int count)
    {
        await using var system = world.Db.As(FixedCurrentUser.System);
        var stage = await system.Stages.IgnoreQueryFilters().Where(s => s.TenantId == world.TenantId).OrderBy(s => s.Order).FirstAsync();
        var now = DateTime.UtcNow;
        system.Leads.AddRange(Enumerable.Range(0, count).Select(i => new Lead
        {
            TenantId = world.TenantId, Name = $"Lead {i:D4}", OwnerId = world.OwnerId, PipelineId = stage.PipelineId, StageId = stage.Id,
            Position = i, StageEnteredAt = now, CreatedAt = now.AddSeconds(-i), UpdatedAt = now,
        }));
        await system.SaveChangesAsync();
    }

    [Fact]
    public async Task Past_a_thousand_matches_the_total_is_a_lower_bound_unless_an_exact_count_is_asked()
    {
        await using var world = await LeadWorld.CreateAsync();
        await SeedAsync(world, ListTotal.CapAhead + 60);
        var (_, query) = world.As(world.OwnerId);

        var first = await query.ListAsync(new LeadListRequest([], Limit: 50));
        Assert.Equal((ListTotal.CapAhead, false), (first.Total, first.TotalExact));
        var exact = await query.ListAsync(new LeadListRequest([], Limit: 50, Count: CountMode.Exact));
        Assert.Equal((ListTotal.CapAhead + 60, true), (exact.Total, exact.TotalExact));
        // The count reaches a thousand past the offset, so a later page sees the end.
        var later = await query.ListAsync(new LeadListRequest([], Limit: 50, Offset: 100));
        Assert.Equal((ListTotal.CapAhead + 60, true), (later.Total, later.TotalExact));
        var last = await query.ListAsync(new LeadListRequest([], Limit: 50, Offset: ListTotal.CapAhead + 40, Count: CountMode.None));
        Assert.Equal((20, ListTotal.CapAhead + 60, true), (last.Items.Count, last.Total, last.TotalExact));
        var filtered = await query.ListAsync(new LeadListRequest([new FilterCondition("name", FilterOperator.Like, false, ["Lead 00*"])], Limit: 50));
        Assert.Equal((100, true), (filtered.Total, filtered.TotalExact));
    }

    [Fact]
    public async Task The_search_index_follows_renames_phone_changes_and_deletes()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, query) = world.As(world.OwnerId);
        async Task<string[]> FindAsync(string q) => (await query.ListAsync(new LeadListRequest([], Q: q))).Items.Select(l => l.Name).ToArray();
        var lead = await service.CreateAsync(new LeadInput { Name = "Valquíria Bastos", Phone = "(21) 97070-1234" });
        await service.CreateAsync(new LeadInput { Name = "Outra Pessoa" });
        Assert.Equal(["Valquíria Bastos"], await FindAsync("quiria"));
        Assert.Equal(["Valquíria Bastos"], await FindAsync("0701"));

        var renamed = await service.UpdateAsync(lead.Lead.Id, new LeadPatch { Name = "Valéria Bastos", Phone = "(21) 96060-5555" });
        Assert.Empty(await FindAsync("quiria"));
        Assert.Empty(await FindAsync("0701"));
        Assert.Equal(["Valéria Bastos"], await FindAsync("VALERIA"));
        Assert.Equal(["Valéria Bastos"], await FindAsync("6060"));

        await using (var system = world.Db.As(FixedCurrentUser.System))
        {
            await system.Leads.IgnoreQueryFilters().Where(l => l.Id == renamed.Id).ExecuteDeleteAsync();
            var keys = await system.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM lead_search_keys").SingleAsync();
            var indexed = await system.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM lead_search_fts").SingleAsync();
            Assert.Equal((1, 1), (keys, indexed));
        }
        Assert.Empty(await FindAsync("valeria"));
    }

    [Fact]
    public async Task Texts_shorter_than_three_characters_still_find_substrings()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, query) = world.As(world.OwnerId);
        await service.CreateAsync(new LeadInput { Name = "Lia😀 Prado" });
        await service.CreateAsync(new LeadInput { Name = "Bruno Dias" });
        async Task<string[]> FindAsync(string q) => (await query.ListAsync(new LeadListRequest([], Q: q))).Items.Select(l => l.Name).OrderBy(n => n).ToArray();
        // "a😀" is three UTF-16 units but two characters: too short for a trigram, found by the plain scan.
        Assert.Equal(["Lia😀 Prado"], await FindAsync("a😀"));
        Assert.Equal(["Bruno Dias", "Lia😀 Prado"], await FindAsync("ia"));
        Assert.Equal(["Bruno Dias"], await FindAsync("BR"));
    }

    [Fact]
    public async Task A_searched_board_shows_and_totals_only_the_found_leads_of_each_column()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, query) = world.As(world.OwnerId);
        var silva = await service.CreateAsync(new LeadInput { Name = "Ana Silva", Value = 100m });
        var moved = await service.CreateAsync(new LeadInput { Name = "Bruno Silveira", Value = 250m });
        await service.CreateAsync(new LeadInput { Name = "Carla Dias", Value = 999m });
        await using (var system = world.Db.As(FixedCurrentUser.System))
        {
            var second = await system.Stages.IgnoreQueryFilters().Where(s => s.TenantId == world.TenantId).OrderBy(s => s.Order).Skip(1).FirstAsync();
            await service.MoveAsync(moved.Lead.Id, new MoveRequest(second.Id));
        }
        var stages = new[] { silva.Lead.StageId, (await query.GetAsync(moved.Lead.Id)).StageId };
        var board = await query.BoardAsync(new LeadListRequest([], Q: "silv"), stages.ToDictionary(s => s, _ => 20));
        Assert.Equal(["Ana Silva", "Bruno Silveira"], board.Cards.Select(c => c.Name).Order());
        Assert.Equal((1, 100m), (board.Totals[stages[0]].Count, board.Totals[stages[0]].Value));
        Assert.Equal((1, 250m), (board.Totals[stages[1]].Count, board.Totals[stages[1]].Value));
        var page = await query.ListAsync(new LeadListRequest([], Q: "silv", Limit: 1));
        Assert.Equal((1, 2, true), (page.Items.Count, page.Total, page.TotalExact));
    }
}
