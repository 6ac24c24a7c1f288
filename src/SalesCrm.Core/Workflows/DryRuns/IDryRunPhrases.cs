namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// The sentences a dry run writes, by key (<see cref="DryRunPhrases"/> lists them with their English text). The web host
/// supplies the reader's language (pt-BR, en); Core has no resources of its own.
/// </summary>
public interface IDryRunPhrases
{
    /// <summary>The phrase <paramref name="key"/> formatted with <paramref name="args"/>.</summary>
    string Format(string key, params object?[] args);
}
