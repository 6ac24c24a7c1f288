using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Pipelines;

namespace SalesCrm.Web.Tests.Components;

/// <summary>A stage row of the pipelines settings page: what it saves, where its errors go, which moves it offers.</summary>
public class StageRowTests
{
    private static readonly StageDto Contato = new(Guid.NewGuid(), Guid.NewGuid(), "Contato", "#80deea", 1, 20, StageKind.Open, true, 5);

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Fact]
    public async Task A_saved_edit_carries_only_what_changed_and_clearing_rotting_days_means_never()
    {
        await using var ctx = NewContext();
        var saved = new List<StageEdit>();
        var cut = ctx.Render<StageRow>(p => p.Add(r => r.Stage, Contato).Add(r => r.Index, 1).Add(r => r.Count, 3).Add(r => r.OnSave, e => saved.Add(e)));
        Assert.Empty(cut.FindAll("[data-testid=stage-save]"));

        cut.Find("input[data-testid=stage-name]").Input("Primeiro contato");
        cut.Find("input[data-testid=stage-rotten]").Input("");
        await cut.InvokeAsync(() => cut.Find("button[data-testid=stage-save]").Click());

        var edit = Assert.Single(saved);
        Assert.Equal(Contato.Id, edit.Stage.Id);
        Assert.Equal(new StageInput(Name: "Primeiro contato", ClearRottenAfterDays: true), edit.Changes);
    }

    [Fact]
    public void A_cleared_name_or_probability_goes_to_the_service_to_be_refused_not_silently_kept()
    {
        var draft = new StageDraft(Contato) { Name = null, Probability = null };
        Assert.Equal(new StageInput(Name: "", Probability: -1), draft.Changes());
        Assert.False(new StageDraft(Contato) { Color = "#80DEEA" }.IsDirty);
    }

    [Fact]
    public async Task Errors_show_under_the_fields_they_name()
    {
        await using var ctx = NewContext();
        var cut = ctx.Render<StageRow>(p => p.Add(r => r.Stage, Contato).Add(r => r.Count, 3)
            .Add(r => r.Errors, new Dictionary<string, string> { ["probability"] = "Informe de 0 a 100.", ["color"] = "Use uma cor como #1e88e5." }));
        var probability = cut.Find("input[data-testid=stage-probability]").Closest(".mud-input-control")!;
        Assert.Contains("Informe de 0 a 100.", probability.TextContent);
        Assert.Contains("mud-input-error", probability.InnerHtml);
        Assert.Equal("Use uma cor como #1e88e5.", cut.Find("[data-testid=stage-color-error]").TextContent);
        Assert.DoesNotContain("mud-input-error", cut.Find("input[data-testid=stage-name]").Closest(".mud-input-control")!.InnerHtml);
    }

    [Fact]
    public async Task The_first_stage_cannot_move_up_the_last_cannot_move_down_and_a_lone_stage_cannot_be_deleted()
    {
        await using var ctx = NewContext();
        var moves = new List<int>();
        var first = ctx.Render<StageRow>(p => p.Add(r => r.Stage, Contato).Add(r => r.Index, 0).Add(r => r.Count, 2).Add(r => r.OnMove, m => moves.Add(m)));
        Assert.True(first.Find("button[data-testid=stage-up]").HasAttribute("disabled"));
        await first.InvokeAsync(() => first.Find("button[data-testid=stage-down]").Click());
        Assert.Equal([1], moves);
        var last = ctx.Render<StageRow>(p => p.Add(r => r.Stage, Contato).Add(r => r.Index, 1).Add(r => r.Count, 2));
        Assert.True(last.Find("button[data-testid=stage-down]").HasAttribute("disabled"));
        var lone = ctx.Render<StageRow>(p => p.Add(r => r.Stage, Contato).Add(r => r.Index, 0).Add(r => r.Count, 1));
        Assert.True(lone.Find("button[data-testid=stage-delete]").HasAttribute("disabled"));
    }

    [Fact]
    public void Service_errors_become_messages_in_the_readers_language_per_field()
    {
        var error = new ValidationException(new Dictionary<string, string[]>
        {
            ["stages[1].probability"] = ["must be between 0 and 100."], ["order"] = ["must be zero or more."],
        });
        var messages = FieldErrors.Localize(ResourceLocalizer.For("pt-BR"), "stage", error);
        Assert.Equal("Informe de 0 a 100.", messages["stages[1].probability"]);
        Assert.Equal("must be zero or more.", messages["order"]); // no text of ours for it: the service's own words
        Assert.Equal("Enter 0 to 100.", FieldErrors.Localize(ResourceLocalizer.For("en"), "stage", error)["stages[1].probability"]);
    }
}
