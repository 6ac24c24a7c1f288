using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Pages call services through <see cref="RunAsync"/>: domain errors become a localized snackbar, never a broken circuit.</summary>
public abstract class ServiceComponentBase : ComponentBase
{
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>Times as the workspace reads them (its time zone), whatever zone the server runs in.</summary>
    [Inject] protected SalesCrm.Core.Tenancy.WorkspaceClock Clock { get; set; } = default!;

    /// <summary>Phones in the workspace region's national format ((41) 98877-6655), whatever the API's E.164.</summary>
    [Inject] protected SalesCrm.Core.Tenancy.WorkspacePhones Phones { get; set; } = default!;

    protected bool Busy { get; private set; }

    /// <summary>Asks before something that cannot be undone; true only when the user confirms.</summary>
    protected async Task<bool> ConfirmAsync(string question, string confirmText) =>
        await Dialogs.ShowMessageBoxAsync(L["AreYouSure"], question, yesText: confirmText, cancelText: L["Cancel"]) == true;

    protected async Task<bool> RunAsync(Func<Task> action, string? successMessage = null)
    {
        Busy = true;
        try
        {
            await action();
            if (successMessage is not null) Snackbar.Add(successMessage, Severity.Success);
            return true;
        }
        catch (ValidationException e)
        {
            Snackbar.Add($"{L["FixErrors"]} {ValidationText.Summary(L, e)}", Severity.Warning);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(L["AccessDenied"], Severity.Error);
        }
        catch (NotFoundException)
        {
            Snackbar.Add(L["NotFound"], Severity.Error);
        }
        catch (ConflictException e) when (e.Code == ErrorCodes.DuplicateLead)
        {
            Snackbar.Add(L["DuplicateLeadHidden"], Severity.Warning);
        }
        catch (ConflictException e)
        {
            Snackbar.Add($"{L["Conflict"]} {e.Message}", Severity.Warning);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }
}
