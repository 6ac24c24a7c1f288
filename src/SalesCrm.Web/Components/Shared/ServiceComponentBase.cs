using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// Pages call services through <see cref="RunAsync"/>: domain errors become a localized snackbar, never a broken circuit.
/// A form lists the fields it shows errors under (<see cref="ShownFields"/>) and binds each field's
/// <c>Error</c>/<c>ErrorText</c> to <see cref="HasError"/>/<see cref="ErrorOf"/>; only then does the snackbar say
/// "fix the highlighted fields" — errors of fields the page has no box for are spelt out in it instead.
/// </summary>
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

    /// <summary>Field (the API's name, <c>metadata.product</c>) → its message in the reader's language, from the last failed <see cref="RunAsync"/>.</summary>
    protected IReadOnlyDictionary<string, string> Invalid { get; private set; } = new Dictionary<string, string>();

    /// <summary>The fields this component shows an error under (API names).</summary>
    protected virtual IReadOnlyCollection<string> ShownFields => [];

    /// <summary>The form's name for the <c>Invalid_{form}_{field}</c> messages (<see cref="FieldErrors"/>).</summary>
    protected virtual string FormName => "";

    protected bool HasError(string field) => Invalid.ContainsKey(field);

    protected string? ErrorOf(string field) => Invalid.GetValueOrDefault(field);

    /// <summary>Clears the field errors (a form opened afresh, or cancelled).</summary>
    protected void ClearErrors() => Invalid = new Dictionary<string, string>();

    /// <summary>Asks before something that cannot be undone; true only when the user confirms.</summary>
    protected async Task<bool> ConfirmAsync(string question, string confirmText) =>
        await Dialogs.ShowMessageBoxAsync(L["AreYouSure"], question, yesText: confirmText, cancelText: L["Cancel"]) == true;

    protected async Task<bool> RunAsync(Func<Task> action, string? successMessage = null)
    {
        Busy = true;
        ClearErrors();
        try
        {
            await action();
            if (successMessage is not null) Snackbar.Add(successMessage, Severity.Success);
            return true;
        }
        catch (ValidationException e)
        {
            Invalid = FieldErrors.Localize(L, FormName, e);
            Snackbar.Add(ValidationSnackbar(e), Severity.Warning);
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

    /// <summary>"Fix the highlighted fields" when some are highlighted (plus what is wrong with the others); else what is wrong, field by field.</summary>
    private string ValidationSnackbar(ValidationException e)
    {
        var shown = ShownFields;
        var hidden = e.Errors.Where(kv => !shown.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var rest = hidden.Count == 0 ? "" : ValidationText.Summary(L, new ValidationException(hidden));
        return hidden.Count < e.Errors.Count ? $"{L["FixErrors"]} {rest}".TrimEnd() : $"{L["InvalidInput"]} {rest}";
    }
}
