using Microsoft.Extensions.Localization;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// A service's <see cref="ValidationException"/> as messages to show under each field, in the reader's language: the
/// key <c>Invalid_{form}_{field}</c> ("Invalid_stage_probability") says what the field accepts; a field without one shows
/// the service's message in the reader's language (<see cref="ValidationText"/>).
/// </summary>
public static class FieldErrors
{
    /// <summary>Field (the API's name, e.g. <c>rotten_after_days</c>) → one message for it.</summary>
    public static IReadOnlyDictionary<string, string> Localize(IStringLocalizer localizer, string form, ValidationException error) =>
        error.Errors.ToDictionary(e => e.Key, e =>
        {
            var field = e.Key[(e.Key.LastIndexOf('.') + 1)..];
            var text = localizer[$"Invalid_{form}_{field}"];
            return text.ResourceNotFound ? string.Join(" ", e.Value.Select(m => ValidationText.Message(localizer, m))) : text.Value;
        });
}
