using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Workflows;

/// <summary>Workflow definitions: drafts saved with their problems, immutable published versions, export and import (ADR 050).</summary>
public sealed class WorkflowService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time,
    IEnumerable<Triggers.IWorkflowActivationListener> listeners, Runs.WorkflowTriggerCache? triggers = null)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;

    /// <summary>The filterable and sortable workflow fields of <c>GET /api/v1/workflows</c>, by API name.</summary>
    public static readonly FieldMap<Workflow> Fields = new FieldMap<Workflow>()
        .Add("id", w => w.Id).Add("name", w => w.Name).Add("description", w => w.Description).Add("active", w => w.IsActive)
        .Add("version", w => w.Version).Add("created_at", w => w.CreatedAt).Add("updated_at", w => w.UpdatedAt);

    /// <summary>
    /// One page of workflows (PostgREST-style filters on <see cref="Fields"/>, name order by default); a bad field, operator
    /// or value is a 400 VALIDATION_ERROR naming the parameter.
    /// </summary>
    public async Task<Paged<WorkflowSummaryDto>> ListAsync(IReadOnlyList<FilterNode> filters, IReadOnlyList<SortKey>? order, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FilteredList.PageAsync(db, db.Workflows.AsNoTracking(), Fields, filters, order, page, new SortKey("name", false), w => w.Id,
            WorkflowSummaryDto.From, ct);
    }

    /// <summary>Every workflow by name (the designer's pickers, the list page).</summary>
    public async Task<IReadOnlyList<WorkflowSummaryDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workflows.AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new WorkflowSummaryDto(w.Id, w.Name, w.Description, w.IsActive, w.Version, w.CreatedAt, w.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>
    /// The list page's rows (<see cref="ListAsync"/>'s order) with each draft's problem count, unpublished changes and last
    /// publish. A fixed number of queries whatever the number of workflows: the current versions in one read, the
    /// records the drafts name in one read per kind (<see cref="WorkflowReferences.CheckManyAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<WorkflowOverviewDto>> OverviewAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflows = await db.Workflows.AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.Id).ToListAsync(ct);
        var published = await (from w in db.Workflows.AsNoTracking()
                               join v in db.WorkflowVersions.AsNoTracking() on new { w.Id, w.Version } equals new { Id = v.WorkflowId, v.Version }
                               select new { w.Id, v.Graph, v.PublishedAt }).ToDictionaryAsync(x => x.Id, ct);
        var graphs = workflows.Select(w => (w.Id, WorkflowJson.Deserialize(w.Graph))).ToList();
        var references = await WorkflowReferences.CheckManyAsync(db, graphs, ct);
        return workflows.Zip(graphs, (w, g) =>
        {
            var current = published.GetValueOrDefault(w.Id);
            return new WorkflowOverviewDto(WorkflowSummaryDto.From(w),
                WorkflowGraphValidator.Validate(g.Item2).Count + references[w.Id].Count, current?.Graph != w.Graph, current?.PublishedAt);
        }).ToList();
    }

    public async Task<WorkflowDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ToDtoAsync(db, await FindAsync(db, id, ct), ct);
    }

    /// <summary>Creates a draft (never active); its problems come back with it.</summary>
    public async Task<WorkflowDto> CreateAsync(WorkflowInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        var v = new Validator().Require("name", input.Name, MaxNameLength);
        CheckDescription(v, input.Description);
        v.When(input.Active == true, "active", "a new workflow is a draft; publish it to make it active.");
        v.ThrowIfInvalid();
        var graph = WorkflowGraphShape.Normalize(input.Graph ?? WorkflowGraph.Empty());
        var now = time.GetUtcNow().UtcDateTime;
        var workflow = new Workflow
        {
            TenantId = tenantId, Name = input.Name!.Trim(), Description = Blank(input.Description), Graph = WorkflowJson.Serialize(graph),
            CreatedBy = access.User.UserId, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Workflows.Add(workflow);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(db, workflow, ct);
    }

    /// <summary>
    /// Saves the draft even with problems (the designer autosaves); published versions and their runs are untouched. Every
    /// save moves <see cref="Workflow.Revision"/> on. Throws <see cref="ConflictException"/> (<c>WORKFLOW_CHANGED</c>) when
    /// <see cref="WorkflowInput.ExpectedRevision"/> is given and another save came in between.
    /// </summary>
    public async Task<WorkflowDto> UpdateAsync(Guid id, WorkflowInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        var v = new Validator();
        if (input.Name is not null) v.Require("name", input.Name, MaxNameLength);
        CheckDescription(v, input.Description);
        v.ThrowIfInvalid();
        var graph = input.Graph is null ? null : WorkflowGraphShape.Normalize(input.Graph);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await FindAsync(db, id, ct);
        if (input.ExpectedRevision is { } expected && expected != workflow.Revision) throw Changed();
        if (input.Active == true && workflow.Version == 0) throw new ValidationException("active", "publish the workflow before activating it.");
        if (input.Name is not null) workflow.Name = input.Name.Trim();
        if (input.Description is not null) workflow.Description = Blank(input.Description);
        if (graph is not null) workflow.Graph = WorkflowJson.Serialize(graph);
        var switched = input.Active is { } active && active != workflow.IsActive;
        if (input.Active is { } on) workflow.IsActive = on;
        workflow.UpdatedAt = time.GetUtcNow().UtcDateTime;
        workflow.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (input.ExpectedRevision is not null)
        {
            throw Changed(); // another save between our read and our write
        }
        triggers?.Invalidate(workflow.TenantId);
        if (switched) await ChangedAsync(db, workflow, deleted: false, ct);
        return await ToDtoAsync(db, workflow, ct);
    }

    /// <summary>
    /// The names of the switched-on workflows whose published version has a <c>call_workflow</c> step naming
    /// <paramref name="id"/>, by name: their runs would fail at that step once it is deleted or switched off.
    /// </summary>
    public async Task<IReadOnlyList<string>> CallersAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await (from w in db.Workflows.AsNoTracking()
                               join v in db.WorkflowVersions.AsNoTracking() on new { w.Id, w.Version } equals new { Id = v.WorkflowId, v.Version }
                               where w.IsActive && w.Id != id
                               select new { w.Name, v.Graph }).ToListAsync(ct);
        return published.Where(p => WorkflowReferences.CalledWorkflows(WorkflowJson.Deserialize(p.Graph)).Contains(id))
            .Select(p => p.Name).Order(StringComparer.CurrentCulture).ToList();
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await FindAsync(db, id, ct);
        db.Workflows.Remove(workflow);
        await db.SaveChangesAsync(ct);
        triggers?.Invalidate(workflow.TenantId);
        await ChangedAsync(db, workflow, deleted: true, ct);
    }

    /// <summary>
    /// Validates the draft and, when it has no problems, stores it as the next immutable version and makes the
    /// workflow active; otherwise throws <see cref="WorkflowInvalidException"/> naming each node and problem.
    /// </summary>
    public async Task<WorkflowDto> PublishAsync(Guid id, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await FindAsync(db, id, ct);
        var problems = await ProblemsAsync(db, workflow.Id, WorkflowJson.Deserialize(workflow.Graph), ct);
        if (problems.Count > 0) throw new WorkflowInvalidException(problems);
        var now = time.GetUtcNow().UtcDateTime;
        workflow.Version++;
        workflow.IsActive = true;
        workflow.UpdatedAt = now;
        db.WorkflowVersions.Add(new WorkflowVersion
        {
            TenantId = tenantId, WorkflowId = workflow.Id, Version = workflow.Version, Graph = workflow.Graph, PublishedAt = now,
            PublishedBy = access.User.UserId, PublishedByName = access.User.DisplayName,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two publishes of one workflow at once: the unique (workflow, version) lets one win.
            throw new ConflictException("The workflow was published by someone else at the same time; reload and try again.");
        }
        triggers?.Invalidate(tenantId);
        await ChangedAsync(db, workflow, deleted: false, ct);
        return await ToDtoAsync(db, workflow, ct);
    }

    /// <summary>Published versions, newest first, each with its graph.</summary>
    public async Task<IReadOnlyList<WorkflowVersionDto>> VersionsAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, id, ct);
        var versions = await db.WorkflowVersions.AsNoTracking().Where(x => x.WorkflowId == id).OrderByDescending(x => x.Version).ToListAsync(ct);
        var graphs = versions.Select(x => WorkflowJson.Deserialize(x.Graph)).ToList();
        // Newest first: each version's previous one is the next in the list.
        return versions.Select((x, i) => new WorkflowVersionDto(x.Version, x.PublishedAt, x.PublishedBy, x.PublishedByName, graphs[i],
            i + 1 < graphs.Count ? WorkflowGraphDiff.Between(graphs[i + 1], graphs[i]) : null)).ToList();
    }

    /// <summary>The draft as a portable document (<see cref="WorkflowExport"/>).</summary>
    public async Task<WorkflowExport> ExportAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await FindAsync(db, id, ct);
        return new WorkflowExport(WorkflowExport.FormatName, WorkflowExport.CurrentFormatVersion, workflow.Name, workflow.Description, WorkflowJson.Deserialize(workflow.Graph));
    }

    /// <summary>Creates a new draft from an exported document.</summary>
    public Task<WorkflowDto> ImportAsync(WorkflowExport document, CancellationToken ct = default)
    {
        var v = new Validator();
        v.When(document.Format is not null && document.Format != WorkflowExport.FormatName, "format", $"must be {WorkflowExport.FormatName}.");
        v.When(document.FormatVersion is { } version && version != WorkflowExport.CurrentFormatVersion, "format_version", $"must be {WorkflowExport.CurrentFormatVersion}.");
        v.When(document.Graph is null, "graph", "is required.");
        v.ThrowIfInvalid();
        return CreateAsync(new WorkflowInput(document.Name, document.Description, document.Graph, null), ct);
    }

    /// <summary>The node catalog, for the designer's palette and forms.</summary>
    public async Task<IReadOnlyList<WorkflowNodeType>> NodeTypesAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        return WorkflowNodeCatalog.List();
    }

    private async Task ChangedAsync(CrmDbContext db, Workflow workflow, bool deleted, CancellationToken ct)
    {
        foreach (var listener in listeners) await listener.ChangedAsync(db, workflow, deleted, ct);
    }

    private static async Task<Workflow> FindAsync(CrmDbContext db, Guid id, CancellationToken ct) =>
        await db.Workflows.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Workflow", id);

    private static async Task<WorkflowDto> ToDtoAsync(CrmDbContext db, Workflow w, CancellationToken ct)
    {
        var published = w.Version == 0 ? null
            : await db.WorkflowVersions.AsNoTracking().Where(x => x.WorkflowId == w.Id && x.Version == w.Version).Select(x => x.Graph).FirstOrDefaultAsync(ct);
        var graph = WorkflowJson.Deserialize(w.Graph);
        return new WorkflowDto(w.Id, w.Name, w.Description, w.IsActive, w.Version, graph, await ProblemsAsync(db, w.Id, graph, ct), published != w.Graph, w.CreatedAt, w.UpdatedAt, w.Revision);
    }

    /// <summary>The graph's own problems, then the workspace records its settings name that are missing.</summary>
    private static async Task<IReadOnlyList<WorkflowProblem>> ProblemsAsync(CrmDbContext db, Guid workflowId, WorkflowGraph graph, CancellationToken ct) =>
        [.. WorkflowGraphValidator.Validate(graph), .. await WorkflowReferences.CheckAsync(db, workflowId, graph, ct)];

    private static ConflictException Changed() =>
        new("The workflow was saved elsewhere (another tab or person) since you opened it; reload it, or save again without expected_revision to overwrite.", ErrorCodes.WorkflowChanged);

    private static void CheckDescription(Validator v, string? description) =>
        v.When(description is { Length: > MaxDescriptionLength }, "description", $"must be at most {MaxDescriptionLength} characters.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
