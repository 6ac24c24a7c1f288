using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>Dedup and visibility rules over a migrated in-memory database, through the real services.</summary>
public class LeadServiceTests
{
    [Theory]
    [InlineData("Érica Gonçalves", "erica goncalves")]
    [InlineData("ÂNGELA ARAÚJO", "angela araujo")]
    [InlineData("Müller & Søn", "muller & søn")]
    public void Search_text_is_lower_case_without_accents(string name, string folded) => Assert.Equal(folded, LeadSearch.Fold(name));

    [Fact]
    public async Task Leads_stored_before_search_text_existed_are_filled_once_and_then_found()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, query) = world.As(world.OwnerId);
        var lead = await service.CreateAsync(new LeadInput { Name = "Íris Conceição", Company = "Café Três Corações" });
        await using (var system = world.Db.As(FixedCurrentUser.System))
        {
            // As a database migrated from before the column: empty text, so the lead cannot be found by name.
            await system.Leads.IgnoreQueryFilters().ExecuteUpdateAsync(u => u.SetProperty(l => l.SearchText, ""));
        }
        Assert.Equal(0, (await query.ListAsync(new LeadListRequest([], Q: "iris"))).Total);

        await using (var system = world.Db.As(FixedCurrentUser.System))
        {
            Assert.Equal(1, await LeadSearch.BackfillAsync(system));
            Assert.Equal(0, await LeadSearch.BackfillAsync(system));
        }
        Assert.Equal(lead.Lead.Id, (await query.ListAsync(new LeadListRequest([], Q: "iris"))).Items.Single().Id);
        Assert.Equal(1, (await query.ListAsync(new LeadListRequest([], Q: "cafe tres coracoes"))).Total);
    }

    [Fact]
    public async Task A_second_capture_with_the_same_phone_merges_and_keeps_both_sources()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, query) = world.As(world.OwnerId);
        var first = await service.CreateAsync(new LeadInput { Name = "Ana", Phone = "(11) 98765-4321", Source = LeadSource.Whatsapp });
        var second = await service.CreateAsync(new LeadInput { Name = "Ana Paula", Phone = "+55 11 98765-4321", Email = "ana@x.com", Source = LeadSource.MetaAds });
        Assert.False(first.Merged);
        Assert.True(second.Merged);
        Assert.Equal(first.Lead.Id, second.Lead.Id);
        Assert.Equal(["whatsapp", "meta_ads"], second.Lead.Sources);
        Assert.Equal("ana@x.com", second.Lead.Email);
        Assert.Equal("Ana", second.Lead.Name);
        Assert.Equal(1, (await query.ListAsync(new LeadListRequest([]))).Total);
    }

    [Fact]
    public async Task Editing_a_lead_onto_another_leads_phone_is_a_conflict()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (service, _) = world.As(world.OwnerId);
        await service.CreateAsync(new LeadInput { Name = "A", Email = "a@x.com" });
        var b = await service.CreateAsync(new LeadInput { Name = "B", Email = "b@x.com" });
        await Assert.ThrowsAsync<ConflictException>(() => service.UpdateAsync(b.Lead.Id, new LeadPatch { Email = "A@X.com" }));
    }

    [Fact]
    public async Task Own_scope_reps_see_only_their_leads_while_all_scope_sees_everything()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (ownerService, ownerQuery) = world.As(world.OwnerId);
        var (repService, repQuery) = world.As(world.RepId);
        var theirs = await ownerService.CreateAsync(new LeadInput { Name = "Owner's" });
        var mine = await repService.CreateAsync(new LeadInput { Name = "Rep's" });
        Assert.Equal(world.RepId, mine.Lead.OwnerId);
        Assert.Equal(["Rep's"], (await repQuery.ListAsync(new LeadListRequest([]))).Items.Select(l => l.Name));
        Assert.Equal(2, (await ownerQuery.ListAsync(new LeadListRequest([]))).Total);
        await Assert.ThrowsAsync<NotFoundException>(() => repQuery.GetAsync(theirs.Lead.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => repService.MoveAsync(theirs.Lead.Id, new MoveRequest(theirs.Lead.StageId)));
        var filtered = await repQuery.ListAsync(new LeadListRequest([new FilterCondition("owner_id", FilterOperator.Eq, false, [world.OwnerId.ToString()])]));
        Assert.Equal(0, filtered.Total);
    }

    [Fact]
    public async Task Committed_changes_are_published_after_the_save_with_their_events_persisted()
    {
        await using var world = await LeadWorld.CreateAsync();
        var received = new List<CrmEvent>();
        var arrived = new SemaphoreSlim(0);
        using var _ = world.Bus.Subscribe(e => { lock (received) received.Add(e); arrived.Release(); return Task.CompletedTask; });
        var (service, _) = world.As(world.OwnerId);
        var created = await service.CreateAsync(new LeadInput { Name = "Evented" });
        var stages = await world.Db.As(FixedCurrentUser.System).Stages.IgnoreQueryFilters().Where(s => s.TenantId == world.TenantId).OrderBy(s => s.Order).ToListAsync();
        await service.MoveAsync(created.Lead.Id, new MoveRequest(stages.First(s => s.Kind == StageKind.Won).Id));
        for (var i = 0; i < 4; i++) Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([EventTypes.LeadCreated, EventTypes.LeadAssigned, EventTypes.LeadStageChanged, EventTypes.DealWon], received.Select(e => e.Type));
        await using var read = world.Db.As(FixedCurrentUser.System);
        Assert.Equal(4, await read.Events.IgnoreQueryFilters().CountAsync(e => e.LeadId == created.Lead.Id));
    }

    [Fact]
    public async Task A_failed_save_publishes_nothing()
    {
        await using var world = await LeadWorld.CreateAsync();
        var received = 0;
        using var _ = world.Bus.Subscribe(_ => { Interlocked.Increment(ref received); return Task.CompletedTask; });
        var (service, _) = world.As(world.OwnerId);
        var created = await service.CreateAsync(new LeadInput { Name = "Stale" });
        await Assert.ThrowsAsync<ConflictException>(() => service.MoveAsync(created.Lead.Id, new MoveRequest(created.Lead.StageId, ExpectedVersion: 99)));
        await using var read = world.Db.As(FixedCurrentUser.System);
        Assert.Equal(2, await read.Events.IgnoreQueryFilters().CountAsync(e => e.LeadId == created.Lead.Id));
    }
}
