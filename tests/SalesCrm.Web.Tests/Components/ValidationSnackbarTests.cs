using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

/// <summary>"Fix the highlighted fields" only when a field is highlighted; otherwise the snackbar says what is wrong.</summary>
public class ValidationSnackbarTests
{
    private static readonly ValidationException Refused = new(new Dictionary<string, string[]> { ["title"] = ["is required."], ["tags"] = ["must be at most 20."] });

    /// <summary>A form that shows errors under <see cref="Shown"/> only.</summary>
    public sealed class Form : ServiceComponentBase
    {
        public string[] Shown { get; set; } = [];
        protected override IReadOnlyCollection<string> ShownFields => Shown;
        public Task<bool> SaveAsync() => RunAsync(() => throw Refused);
        public string? Under(string field) => ErrorOf(field);
    }

    private static async Task<(IReadOnlyList<string> Snackbars, Form Form)> SaveAsync(params string[] shown)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var zones = new WorkspaceTimeZones(null!, TimeProvider.System);
        ctx.Services.AddSingleton(new WorkspaceClock(zones, FixedCurrentUser.System, TimeProvider.System));
        ctx.Services.AddSingleton(new WorkspacePhones(zones, FixedCurrentUser.System));
        var form = ctx.Render<Form>().Instance;
        form.Shown = shown;
        Assert.False(await form.SaveAsync());
        return (ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ToList(), form);
    }

    [Fact]
    public async Task A_page_that_highlights_no_field_says_what_is_wrong_instead_of_pointing_at_highlights()
    {
        using var culture = new CultureScope("pt-BR");
        var (snackbars, _) = await SaveAsync();
        var message = Assert.Single(snackbars);
        Assert.DoesNotContain("destacados", message);
        Assert.StartsWith("Verifique os dados: Título: é obrigatório.", message);
    }

    [Fact]
    public async Task A_form_that_highlights_its_fields_points_at_them_and_spells_out_the_others()
    {
        using var culture = new CultureScope("pt-BR");
        var (snackbars, form) = await SaveAsync("title");
        Assert.Equal("é obrigatório.", form.Under("title"));
        var message = Assert.Single(snackbars);
        Assert.StartsWith("Corrija os campos destacados.", message);
        Assert.Contains("Etiquetas", message);
        Assert.DoesNotContain("Título", message);
    }
}
