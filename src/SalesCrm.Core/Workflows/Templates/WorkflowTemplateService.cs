using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Workflows.Templates;

/// <summary>"Criar a partir de modelo": lists the shipped templates and creates a draft from one for this workspace.</summary>
public sealed class WorkflowTemplateService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, WorkflowService workflows)
{
    public async Task<IReadOnlyList<WorkflowTemplateDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        return WorkflowTemplates.All.Select(WorkflowTemplateDto.From).ToList();
    }

    /// <summary>
    /// Creates a draft from <paramref name="templateId"/>: its stages and WhatsApp templates picked from this workspace by name,
    /// its parameters from <paramref name="parameters"/>. What the workspace lacks shows up as the draft's problems.
    /// </summary>
    public async Task<WorkflowDto> CreateAsync(string? templateId, string? name, IReadOnlyDictionary<string, string>? parameters, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        var template = WorkflowTemplates.Find(templateId) ?? throw new NotFoundException("Workflow template", templateId);
        var context = await ContextAsync(parameters ?? new Dictionary<string, string>(), ct);
        var title = string.IsNullOrWhiteSpace(name) ? template.Name : name;
        return await workflows.CreateAsync(new WorkflowInput(title, template.Description, template.Build(context), null), ct);
    }

    private async Task<WorkflowTemplateContext> ContextAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Tenant filter on: only this workspace's stages and templates. The default pipeline's stage wins a shared name.
        var stages = await db.Stages.AsNoTracking()
            .Join(db.Pipelines.AsNoTracking(), s => s.PipelineId, p => p.Id, (s, p) => new { s.Id, s.Name, s.IsActive, p.IsDefault, PipelineOrder = p.Order, s.Order })
            .Where(s => s.IsActive).ToListAsync(ct);
        var byName = new Dictionary<string, Guid>();
        foreach (var s in stages.OrderByDescending(s => s.IsDefault).ThenBy(s => s.PipelineOrder).ThenBy(s => s.Order))
            byName.TryAdd(WorkflowTemplateNames.Fold(s.Name), s.Id);
        var templates = await db.MessageTemplates.AsNoTracking().Where(t => t.Status == TemplateStatus.Approved)
            .Select(t => new { t.Id, t.Name, t.CreatedAt }).ToListAsync(ct);
        var approved = new Dictionary<string, Guid>();
        foreach (var t in templates.OrderBy(t => t.CreatedAt)) approved.TryAdd(t.Name, t.Id);
        return new WorkflowTemplateContext(byName, approved, parameters);
    }
}
