namespace SalesCrm.Core.Workflows.Templates;

/// <summary>What a template reads from the workspace it is created in: stages and approved WhatsApp templates by name, and the manager's parameters.</summary>
public sealed class WorkflowTemplateContext(
    IReadOnlyDictionary<string, Guid> stagesByName,
    IReadOnlyDictionary<string, Guid> approvedTemplatesByName,
    IReadOnlyDictionary<string, string> parameters)
{
    /// <summary>No workspace: for counting nodes and listing the catalog.</summary>
    public static WorkflowTemplateContext Empty { get; } = new(new Dictionary<string, Guid>(), new Dictionary<string, Guid>(), new Dictionary<string, string>());

    /// <summary>The stage of that name (ignoring case and accents; the default pipeline first), or null.</summary>
    public Guid? Stage(string name) => stagesByName.TryGetValue(WorkflowTemplateNames.Fold(name), out var id) ? id : null;

    /// <summary>The first of <paramref name="names"/> that is an approved WhatsApp template of the workspace, or null.</summary>
    public Guid? ApprovedTemplate(params string[] names)
    {
        foreach (var name in names)
            if (approvedTemplatesByName.TryGetValue(name, out var id)) return id;
        return null;
    }

    /// <summary>The manager's value for <paramref name="key"/>, trimmed; empty when not given.</summary>
    public string Parameter(string key) => parameters.TryGetValue(key, out var value) ? value.Trim() : "";
}
