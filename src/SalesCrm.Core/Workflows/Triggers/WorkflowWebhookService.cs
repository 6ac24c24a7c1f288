using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>
/// The <c>webhook</c> trigger: each workflow with one has its own URL (<c>POST /api/hooks/workflows/{id}</c>) and secret
/// (<see cref="WorkflowWebhookSecret"/>), made when it is first published with that trigger. A call with the right
/// secret queues a run with the JSON body as <c>run.input</c>; a <c>lead_id</c>, <c>email</c> or <c>phone</c> in the body
/// names the lead.
/// </summary>
public sealed class WorkflowWebhookService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ISecretProtector protector,
    IActorScopeFactory actors, WorkspaceTimeZones zones, TimeProvider time)
{
    public const string SecretHeader = "X-Workflow-Secret";
    private const string Prefix = "whwf_";

    /// <summary>The URL path of a workflow's webhook.</summary>
    public static string PathOf(Guid workflowId) => $"/api/hooks/workflows/{workflowId}";

    /// <summary>The secret, for <c>workflows.manage</c>. 404 when the workflow has none yet (it gets one when published with a webhook trigger).</summary>
    public async Task<WorkflowWebhookSecretDto> GetSecretAsync(Guid workflowId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Workflows.AnyAsync(w => w.Id == workflowId, ct)) throw new NotFoundException("Workflow", workflowId);
        var row = await db.Set<WorkflowWebhookSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.WorkflowId == workflowId, ct)
            ?? throw new NotFoundException("Webhook secret of workflow", workflowId);
        return Dto(row, protector.Unprotect(row.SecretProtected));
    }

    /// <summary>Replaces the secret (or makes the first one); the old one stops working at once.</summary>
    public async Task<WorkflowWebhookSecretDto> RotateSecretAsync(Guid workflowId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Workflows.AnyAsync(w => w.Id == workflowId, ct)) throw new NotFoundException("Workflow", workflowId);
        var (row, secret) = await SetSecretAsync(db, tenantId, workflowId, replace: true, ct);
        await db.SaveChangesAsync(ct);
        return Dto(row, secret!);
    }

    /// <summary>
    /// Called when a workflow was published: gives it a secret when its graph has a <c>webhook</c> trigger and it has
    /// none yet (a republish keeps the secret callers already use). Saves.
    /// </summary>
    public async Task EnsureSecretAsync(CrmDbContext db, Workflow workflow, CancellationToken ct)
    {
        if (WorkflowTriggerNodes.Of(workflow.Graph, TriggerKinds.Webhook).Count == 0) return;
        var (_, secret) = await SetSecretAsync(db, workflow.TenantId, workflow.Id, replace: false, ct);
        if (secret is not null) await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A call of the webhook: checks the secret in constant time (any mismatch, a workflow of no known secret included,
    /// is <see cref="UnauthorizedException"/>), that the workflow is active with a webhook trigger in its published
    /// version (else 409 <c>WORKFLOW_NOT_ACTIVE</c>), resolves the lead, and queues the run. Returns the queue item's id.
    /// </summary>
    public async Task<Guid> ReceiveAsync(Guid workflowId, string? secret, JsonNode? body, CancellationToken ct = default)
    {
        Guid tenantId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var row = await db.Set<WorkflowWebhookSecret>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.WorkflowId == workflowId, ct);
            if (row is null || string.IsNullOrEmpty(secret) || !SameSecret(protector.Unprotect(row.SecretProtected), secret))
                throw new UnauthorizedException($"Missing or wrong {SecretHeader}.");
            tenantId = row.TenantId;
        }
        await using var scope = actors.Create(FixedCurrentUser.Internal(tenantId, ActorType.Webhook, "Workflow webhook"));
        var scoped = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var workflow = await scoped.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workflowId, ct) ?? throw new NotFoundException("Workflow", workflowId);
        var published = workflow.Version == 0 ? null
            : await scoped.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId && v.Version == workflow.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        if (!workflow.IsActive || published is null || WorkflowTriggerNodes.Of(published, TriggerKinds.Webhook).Count == 0)
            throw new ConflictException("The workflow is not active with a webhook trigger; publish or switch it on first.", ErrorCodes.WorkflowNotActive);
        var leadId = await ResolveLeadAsync(scoped, tenantId, body as JsonObject, ct);
        var starter = scope.ServiceProvider.GetRequiredService<IWorkflowRunStarter>();
        return await starter.EnqueueAsync(scoped, new WorkflowStartRequest(tenantId, workflowId, TriggerKinds.Webhook, leadId, body?.DeepClone(), CorrelationId: Ids.New()), ct);
    }

    /// <summary><c>lead_id</c> (a lead of this workspace), else <c>email</c>, else <c>phone</c> (read in the workspace's region); null when none matches.</summary>
    private async Task<Guid?> ResolveLeadAsync(CrmDbContext db, Guid tenantId, JsonObject? body, CancellationToken ct)
    {
        if (body is null) return null;
        if (Text(body, "lead_id") is { } idText && Guid.TryParse(idText, out var id) && await db.Leads.AnyAsync(l => l.Id == id, ct)) return id;
        if (ContactNormalizer.NormalizeEmail(Text(body, "email")) is { } email
            && await db.Leads.Where(l => l.EmailNormalized == email).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct) is { } byEmail) return byEmail;
        if (ContactNormalizer.TryNormalizePhone(Text(body, "phone"), zones.RegionFor(tenantId)) is { } phone
            && await db.Leads.Where(l => l.Phone == phone).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct) is { } byPhone) return byPhone;
        return null;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;

    private async Task<(WorkflowWebhookSecret Row, string? Secret)> SetSecretAsync(CrmDbContext db, Guid tenantId, Guid workflowId, bool replace, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Set<WorkflowWebhookSecret>().FirstOrDefaultAsync(s => s.WorkflowId == workflowId, ct);
        if (row is not null && !replace) return (row, null);
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (row is null)
            db.Set<WorkflowWebhookSecret>().Add(row = new WorkflowWebhookSecret { WorkflowId = workflowId, TenantId = tenantId, SecretProtected = "", CreatedAt = now });
        row.SecretProtected = protector.Protect(secret);
        row.UpdatedAt = now;
        return (row, secret);
    }

    private static bool SameSecret(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static WorkflowWebhookSecretDto Dto(WorkflowWebhookSecret row, string secret) => new(row.WorkflowId, PathOf(row.WorkflowId), SecretHeader, secret, row.UpdatedAt);
}
