using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// Names of internal actors as stored on timeline entries and audit rows (<see cref="WorkflowActor.NamePrefix"/> and the
/// workflow's name) in the reader's language: "Automação “Boas-vindas Meta”" / "Workflow “Boas-vindas Meta”". A person's
/// name, or any other name, is returned as it is.
/// </summary>
public static class ActorNames
{
    public static string Display(IStringLocalizer localizer, string? name)
    {
        if (name is null) return "";
        return name.StartsWith(WorkflowActor.NamePrefix, StringComparison.Ordinal)
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["ActorWorkflowNamed"].Value, name[WorkflowActor.NamePrefix.Length..])
            : name;
    }

    /// <summary>True when <see cref="Display"/> words the name itself, so no actor-type label needs to follow it.</summary>
    public static bool IsWorded(string? name) => name?.StartsWith(WorkflowActor.NamePrefix, StringComparison.Ordinal) == true;
}
