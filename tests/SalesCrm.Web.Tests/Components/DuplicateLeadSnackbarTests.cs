using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The UI's create paths (board quick add) run the service through RunAsync: a hidden duplicate reads as the localized DUPLICATE_LEAD message.</summary>
public class DuplicateLeadSnackbarTests
{
    /// <summary>A page whose action throws what LeadService throws for a lead the rep may not see.</summary>
    public sealed class CreatesAHiddenDuplicate : ServiceComponentBase
    {
        public Task<bool> CreateAsync() => RunAsync(() => throw new ConflictException(LeadService.HiddenDuplicateMessage, ErrorCodes.DuplicateLead));
    }

    [Theory]
    [InlineData("en", "A lead with this phone or e-mail already exists and is handled by someone else; ask a manager.")]
    [InlineData("pt-BR", "Já existe um lead com este telefone ou e-mail e ele está com outra pessoa; fale com um gestor.")]
    public async Task A_hidden_duplicate_shows_the_duplicate_lead_message_and_nothing_else(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
            var zones = new WorkspaceTimeZones(null!, TimeProvider.System);
            ctx.Services.AddSingleton(new WorkspaceClock(zones, FixedCurrentUser.System, TimeProvider.System));
            ctx.Services.AddSingleton(new WorkspacePhones(zones, FixedCurrentUser.System));
            var page = ctx.Render<CreatesAHiddenDuplicate>();
            Assert.False(await page.InvokeAsync(() => page.Instance.CreateAsync()));
            var message = Assert.Single(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
            Assert.Equal(expected, message.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
