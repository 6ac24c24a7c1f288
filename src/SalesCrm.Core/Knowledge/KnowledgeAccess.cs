using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Knowledge;

internal static class KnowledgeAccess
{
    /// <summary>Reading and searching the knowledge base: <c>copilot.use</c>, or <c>knowledge.manage</c> (who edits it may read it).</summary>
    public static async Task<Guid> RequireReadAsync(this AccessService access, CancellationToken ct) =>
        await access.HasAsync(Capabilities.KnowledgeManage, ct)
            ? await access.RequireAsync(Capabilities.KnowledgeManage, ct)
            : await access.RequireAsync(Capabilities.CopilotUse, ct);
}
