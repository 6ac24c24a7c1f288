using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The dry run's sentences in the reader's language (<see cref="WorkflowDryRunResource"/>: pt-BR, en); a key it lacks falls back to Core's English.</summary>
public sealed class LocalizedDryRunPhrases(IStringLocalizer<WorkflowDryRunResource> t) : IDryRunPhrases
{
    private static readonly DryRunPhrases Fallback = new();

    public string Format(string key, params object?[] args)
    {
        var text = t[key];
        return text.ResourceNotFound ? Fallback.Format(key, args) : string.Format(CultureInfo.CurrentCulture, text.Value, args);
    }
}
