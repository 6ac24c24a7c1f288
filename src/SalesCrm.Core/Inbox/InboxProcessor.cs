using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Claims;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Integrations;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Turns stored inbound requests into leads. Each effect carries an idempotency key committed with it, so a redelivered
/// request, a retry after a crash, or two processors racing still apply it exactly once.
/// </summary>
/// <remarks>During a burst of incoming webhooks it pauses between items (<see cref="InboxIntake"/>): acknowledgements come first.</remarks>
public sealed class InboxProcessor(IDbContextFactory<CrmDbContext> dbFactory, IActorScopeFactory actors, IMetaGraphClient graph, ISecretProtector protector, InboxIntake intake,
    IOptions<InboxOptions> options, WebhookActivity activity, TimeProvider time, IOptions<ClaimOptions>? claims = null)
{
    private readonly ClaimOptions _claims = claims?.Value ?? new ClaimOptions();

    /// <summary>Seconds to wait before retry n; after the last one the item is failed and shown to admins.</summary>
    private readonly int[] _retryDelays = options.Value.RetryDelays;

    /// <summary>
    /// The next pending items in due order, which for new items is arrival order (they are due when received). The
    /// (status, next attempt) index yields them directly; ordering by arrival instead sorted the whole backlog every batch.
    /// The items of one split request become due together and keep their order in it.
    /// </summary>
    internal static IQueryable<InboxItem> Due(CrmDbContext db, DateTime now, int max) =>
        db.Inbox.Where(i => i.Status == InboxStatus.Pending && i.NextAttemptAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now)).OrderBy(i => i.NextAttemptAt).ThenBy(i => i.ReceivedAt).ThenBy(i => i.Part).Take(max);

    /// <summary>The start of the error an item gets when it names a page or number no workspace has connected.</summary>
    internal static string Unrouted(IntegrationKind kind, string externalId) =>
        kind == IntegrationKind.WhatsApp ? $"WhatsApp number {externalId} is not connected" : $"Page {externalId} is not connected";

    /// <summary>
    /// Once a workspace connects a page or number, items that failed, or wait for a retry, only because it was not
    /// connected yet are due again at once: leads sent before the connection are not lost.
    /// </summary>
    internal static async Task<int> RequeueUnroutedAsync(CrmDbContext db, IntegrationKind kind, IEnumerable<string> externalIds, DateTime now, CancellationToken ct)
    {
        var provider = kind == IntegrationKind.WhatsApp ? InboxProvider.WhatsApp : InboxProvider.MetaLeads;
        var requeued = 0;
        foreach (var error in externalIds.Select(id => Unrouted(kind, id) + " "))
        {
            requeued += await db.Inbox.IgnoreQueryFilters()
                .Where(i => i.Provider == provider && (i.Status == InboxStatus.Failed || i.Status == InboxStatus.Pending) && i.LastError != null && i.LastError.Contains(error))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InboxStatus.Pending).SetProperty(i => i.Attempts, 0).SetProperty(i => i.NextAttemptAt, now), ct);
        }
        return requeued;
    }

    /// <summary>
    /// Processes up to <paramref name="max"/> due items in due order; a request split into items (<see cref="InboxSplit"/>)
    /// has its items processed right after it, in their order. Returns how many rows were worked on.
    /// </summary>
    public async Task<int> ProcessDueAsync(int max = 20, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var me = _claims.Instance;
        var lease = WorkClaims.LeaseEnd(now, _claims.Lease);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Claim first (ADR 047): one conditional update, whose lease condition PostgreSQL re-checks on a row another
        // instance claimed meanwhile, so each row is worked on by one instance until its lease lapses.
        var candidates = Due(db, now, max).Select(i => i.Id);
        var claimed = await db.Inbox.Where(i => candidates.Contains(i.Id) && i.Status == InboxStatus.Pending && (i.LeaseUntil == null || i.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ClaimedBy, me).SetProperty(i => i.LeaseUntil, lease), ct);
        if (claimed == 0) return 0;
        var work = new Queue<InboxItem>(await db.Inbox.Where(i => i.ClaimedBy == me && i.LeaseUntil == lease && i.Status == InboxStatus.Pending)
            .OrderBy(i => i.NextAttemptAt).ThenBy(i => i.ReceivedAt).ThenBy(i => i.Part).ToListAsync(ct));
        var held = work.Select(i => i.Id).ToList();
        await using var renewer = new LeaseRenewer(_claims.Lease, async token =>
        {
            await using var renewDb = await dbFactory.CreateDbContextAsync(token);
            var until = WorkClaims.LeaseEnd(time.GetUtcNow().UtcDateTime, _claims.Lease);
            List<Guid> ids;
            lock (held) ids = [.. held];
            await renewDb.Inbox.Where(i => ids.Contains(i.Id) && i.ClaimedBy == me).ExecuteUpdateAsync(u => u.SetProperty(i => i.LeaseUntil, until), token);
        }, time);
        var done = 0;
        try
        {
            await WorkAsync();
        }
        finally
        {
            // Stopping (or failing) with claimed rows left: release them now, so another instance takes them at once
            // instead of after the lease. Safe for a row that was being worked on: its effects are idempotent.
            List<Guid> left;
            lock (held) left = [.. held];
            if (left.Count > 0)
            {
                await renewer.DisposeAsync();
                try
                {
                    await using var releaseDb = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                    await releaseDb.Inbox.Where(i => left.Contains(i.Id) && i.ClaimedBy == me && i.Status == InboxStatus.Pending)
                        .ExecuteUpdateAsync(u => u.SetProperty(i => i.ClaimedBy, (string?)null).SetProperty(i => i.LeaseUntil, (DateTime?)null), CancellationToken.None);
                }
                catch (Exception)
                {
                    // The database is away too: the leases lapse instead, and another instance takes the rows then.
                }
            }
        }
        return done;

        async Task WorkAsync()
        {
            while (!ct.IsCancellationRequested && work.TryDequeue(out var item))
            {
                done++;
                var started = time.GetTimestamp();
                var touched = new HashSet<Guid>();
                try
                {
                    foreach (var part in await HandleAsync(db, item, touched, ct))
                    {
                        // Parts are born claimed by this instance, which works on them next.
                        part.ClaimedBy = me;
                        part.LeaseUntil = WorkClaims.LeaseEnd(time.GetUtcNow().UtcDateTime, _claims.Lease);
                        lock (held) held.Add(part.Id);
                        work.Enqueue(part);
                    }
                    item.Status = InboxStatus.Processed;
                    item.ProcessedAt = time.GetUtcNow().UtcDateTime;
                    item.LastError = null;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    item.Attempts++;
                    item.LastError = Describe(e);
                    // A malformed body stays malformed, and data the rules refuse (a lead without a name) is refused again on
                    // every attempt: fail it now, with the fields named, rather than retry it for half an hour. The Retry
                    // button is still there once a setting it depends on has changed.
                    if (e is MalformedItemException or ValidationException || item.Attempts > _retryDelays.Length) item.Status = InboxStatus.Failed;
                    else item.NextAttemptAt = time.GetUtcNow().UtcDateTime.AddSeconds(_retryDelays[item.Attempts - 1]);
                }
                var known = (item.Tenants ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Concat(touched).Distinct().ToList();
                item.Tenants = string.Join(',', known);
                item.ClaimedBy = null;
                item.LeaseUntil = null;
                await db.SaveChangesAsync(ct);
                lock (held) held.Remove(item.Id);
                if (item.Status == InboxStatus.Failed)
                {
                    if (item.TenantId is { } receivedFor && !known.Contains(receivedFor)) known.Add(receivedFor);
                    foreach (var tenantId in known) activity.Notify(tenantId);
                }
                var pause = intake.PauseAfter(time.GetElapsedTime(started));
                if (pause > TimeSpan.Zero) await Task.Delay(pause, time, ct);
            }
        }
    }

    /// <summary>
    /// Applies an item, or splits a Meta or WhatsApp request, or a Zapier batch, with several items into one inbox row each
    /// and returns them: they are stored with the request's own update, in one transaction, and from then on each has its
    /// own state, error and retries. The split request is done; a Meta or WhatsApp one names no workspace, since its body
    /// may hold several, while a Zapier batch and its items stay the workspace's whose secret sent them.
    /// </summary>
    private async Task<List<InboxItem>> HandleAsync(CrmDbContext db, InboxItem item, HashSet<Guid> touched, CancellationToken ct)
    {
        var body = InboundBody.Parse(item);
        if (item.ParentId is null && InboxSplit.Items(item.Provider, body) is { Count: > 1 } parts)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var items = parts.Select((part, i) => new InboxItem
            {
                Provider = item.Provider, TenantId = item.TenantId, Tenants = item.TenantId?.ToString(), Body = part?.ToJsonString() ?? "null",
                ReceivedAt = item.ReceivedAt, NextAttemptAt = now, ParentId = item.Id, Part = i,
            }).ToList();
            db.Inbox.AddRange(items);
            item.Tenants = item.TenantId?.ToString();
            return items;
        }
        if (item.Provider == InboxProvider.Zapier)
        {
            await HandleZapierAsync(item, ZapierRecord(item, body), ct);
            return [];
        }
        var root = body as JsonObject ?? throw new MalformedItemException("$", "is not a JSON object");
        await (item.Provider switch
        {
            InboxProvider.MetaLeads => HandleMetaAsync(root, item, touched, ct),
            InboxProvider.WhatsApp => HandleWhatsAppAsync(root, item, touched, ct),
            _ => throw new NotSupportedException($"No processor for {item.Provider}."),
        });
        return [];
    }

    /// <summary>Meta's <c>leadgen</c> changes: route by page id, fetch the answers, create (or merge) the lead.</summary>
    private async Task HandleMetaAsync(JsonObject root, InboxItem item, HashSet<Guid> touched, CancellationToken ct)
    {
        if (JsonPath.Text(root, "object") != "page") throw new MalformedItemException("object", $"is '{JsonPath.Text(root, "object")}'; expected 'page'");
        var problems = new List<string>();
        var entries = JsonPath.List(root, "", "entry");
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = JsonPath.RequireObject(entries[e], $"entry[{e}]");
            JsonArray changes;
            try { changes = JsonPath.List(entry, $"entry[{e}]", "changes"); }
            catch (MalformedItemException) { await AttributeToPageAsync(entry, touched, ct); throw; }
            for (var c = 0; c < changes.Count; c++)
            {
                JsonObject value;
                string leadgenId;
                try
                {
                    var change = JsonPath.RequireObject(changes[c], $"entry[{e}].changes[{c}]");
                    if (JsonPath.Text(change, "field") != "leadgen") continue;
                    value = JsonPath.RequireObject(JsonPath.Get(change, "value"), $"entry[{e}].changes[{c}].value");
                    leadgenId = JsonPath.RequireText(value, $"entry[{e}].changes[{c}].value", "leadgen_id");
                }
                catch (MalformedItemException) { await AttributeToPageAsync(entry, touched, ct); throw; }
                var pageId = JsonPath.Text(value, "page_id") ?? JsonPath.Text(entry, "id") ?? throw new MalformedItemException($"entry[{e}].changes[{c}].value.page_id", "is missing");
                var key = $"meta:leadgen:{leadgenId}";
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var route = await IntegrationService.RouteAsync(db, protector, IntegrationKind.MetaPage, pageId, ct);
                if (route is not { } r)
                {
                    problems.Add($"{Unrouted(IntegrationKind.MetaPage, pageId)} to any workspace (leadgen {leadgenId}).");
                    continue;
                }
                touched.Add(r.TenantId);
                if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == r.TenantId && k.Key == key, ct)) continue;
                var fields = await graph.GetLeadFieldsAsync(leadgenId, r.Token ?? "", ct);
                var warnings = new List<string>();
                var input = InboundLeadMapper.FromMeta(fields, leadgenId, pageId, JsonPath.Text(value, "form_id"), JsonPath.Text(value, "ad_id"), key, await CultureAsync(db, r.TenantId, ct), warnings);
                item.AddWarnings(warnings.Select(w => $"leadgen {leadgenId}: {w}"));
                await CreateLeadAsync(r.TenantId, input, "Meta Lead Ads", item, ct);
            }
        }
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>
    /// Lists a malformed change under the workspace its entry's page (<c>entry.id</c>) is connected to, when there is one,
    /// so the failed item shows on that workspace's Integrations page rather than nowhere.
    /// </summary>
    private async Task AttributeToPageAsync(JsonObject entry, HashSet<Guid> touched, CancellationToken ct)
    {
        if (JsonPath.Text(entry, "id") is not { } pageId) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await IntegrationService.RouteAsync(db, protector, IntegrationKind.MetaPage, pageId, ct) is { } route) touched.Add(route.TenantId);
    }

    /// <summary>
    /// WhatsApp Cloud API changes: <c>value.metadata.phone_number_id</c> routes to the tenant; <c>messages[]</c> are handled
    /// by their kind (<see cref="WhatsAppPayload"/>'s table: customer messages land in the sender's conversation, reactions
    /// attach to the message they name), <c>statuses[]</c> move outbound messages along. Each keyed by its <c>wamid</c>.
    /// </summary>
    private async Task HandleWhatsAppAsync(JsonObject root, InboxItem item, HashSet<Guid> touched, CancellationToken ct)
    {
        if (JsonPath.Text(root, "object") != "whatsapp_business_account") throw new MalformedItemException("object", $"is '{JsonPath.Text(root, "object")}'; expected 'whatsapp_business_account'");
        var problems = new List<string>();
        var entries = JsonPath.List(root, "", "entry");
        for (var e = 0; e < entries.Count; e++)
        {
            var changes = JsonPath.List(JsonPath.RequireObject(entries[e], $"entry[{e}]"), $"entry[{e}]", "changes");
            for (var c = 0; c < changes.Count; c++)
            {
                var path = $"entry[{e}].changes[{c}]";
                var change = JsonPath.RequireObject(changes[c], path);
                if (JsonPath.Text(change, "field") != "messages") continue;
                var value = JsonPath.RequireObject(JsonPath.Get(change, "value"), $"{path}.value");
                var phoneNumberId = JsonPath.RequireText(JsonPath.Get(value, "metadata"), $"{path}.value.metadata", "phone_number_id");
                (Guid TenantId, string? Token)? route;
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                    route = await IntegrationService.RouteAsync(db, protector, IntegrationKind.WhatsApp, phoneNumberId, ct);
                if (route is not { } r)
                {
                    problems.Add($"{Unrouted(IntegrationKind.WhatsApp, phoneNumberId)} to any workspace.");
                    continue;
                }
                touched.Add(r.TenantId);
                await HandleWhatsAppValueAsync(value, $"{path}.value", r.TenantId, item, ct);
            }
        }
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>One routed <c>messages</c> change value: its messages by kind, then its statuses (entries that are not objects fail the item at once).</summary>
    private async Task HandleWhatsAppValueAsync(JsonObject value, string path, Guid tenantId, InboxItem item, CancellationToken ct)
    {
        // A contact listed twice keeps its first name rather than failing the request.
        var names = new Dictionary<string, string?>();
        foreach (var contact in JsonPath.Array(value, "contacts"))
            if (JsonPath.Text(contact, "wa_id") is { } waId) names.TryAdd(waId, JsonPath.Text(JsonPath.Get(contact, "profile"), "name"));
        await using var scope = actors.Create(FixedCurrentUser.Internal(tenantId, ActorType.Webhook, "WhatsApp", $"inbox:{item.Id:N}"));
        var messaging = scope.ServiceProvider.GetRequiredService<Messaging.InboundMessageService>();
        var messages = JsonPath.List(value, path, "messages");
        for (var i = 0; i < messages.Count; i++)
        {
            var message = JsonPath.RequireObject(messages[i], $"{path}.messages[{i}]");
            try
            {
                switch (WhatsAppPayload.KindOf(message))
                {
                    case Messaging.InboundMessageKind.Reaction:
                        var (id, from, reactedTo, emoji) = WhatsAppPayload.ParseReaction(message, $"{path}.messages[{i}]");
                        await messaging.ReactAsync(from, reactedTo, emoji, $"wa:msg:{tenantId:N}:{id}", ct);
                        break;
                    case Messaging.InboundMessageKind.Ignored:
                        break;
                    default:
                        var inbound = WhatsAppPayload.ParseMessage(message, $"{path}.messages[{i}]", names);
                        var warnings = new List<string>();
                        await messaging.ReceiveAsync(inbound, $"wa:msg:{tenantId:N}:{inbound.ProviderMessageId}", ct, warnings);
                        item.AddWarnings(warnings.Select(w => $"{path}.messages[{i}]: {w}"));
                        break;
                }
            }
            catch (ValidationException invalid) when (invalid.Errors.TryGetValue("from", out var errors))
            {
                // A sender that is not even digits is no WhatsApp id: as malformed as a missing one.
                throw new MalformedItemException($"{path}.messages[{i}].from", string.Join(" ", errors));
            }
        }
        var statuses = JsonPath.List(value, path, "statuses");
        for (var i = 0; i < statuses.Count; i++)
        {
            if (WhatsAppPayload.ParseStatus(JsonPath.RequireObject(statuses[i], $"{path}.statuses[{i}]")) is not { } parsed) continue;
            var (wamid, state, error, at) = parsed;
            await messaging.ApplyStatusAsync(wamid, state, error, at, $"wa:status:{tenantId:N}:{wamid}:{SnakeEnum.ToText(state)}", ct);
        }
    }

    /// <summary>
    /// The one record a Zapier item holds: its body, or the only element of a one-record batch. Anything else cannot
    /// become a lead however often it is tried: a <see cref="MalformedItemException"/> naming it (<c>$</c>, or <c>$[2]</c>
    /// for an element of a split batch).
    /// </summary>
    private static JsonObject ZapierRecord(InboxItem item, JsonNode? body)
    {
        if (item.ParentId is null && body is JsonArray batch)
            return batch.Count == 0 ? throw new MalformedItemException("$", "is an empty array: no lead to create") : JsonPath.RequireObject(batch[0], "$[0]");
        return JsonPath.RequireObject(body, item.ParentId is null ? "$" : $"$[{item.Part}]");
    }

    private async Task HandleZapierAsync(InboxItem item, JsonObject body, CancellationToken ct)
    {
        var tenantId = item.TenantId ?? throw new InvalidDataException("Zapier items carry their tenant.");
        var externalId = body["id"]?.ToString() ?? body["event_id"]?.ToString();
        var key = externalId is null ? $"zapier:{item.Id:N}" : $"zapier:{tenantId:N}:{externalId}";
        string culture;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == key, ct)) return;
            culture = await CultureAsync(db, tenantId, ct);
        }
        var warnings = new List<string>();
        var input = InboundLeadMapper.FromFlatJson(body, key, culture, warnings);
        item.AddWarnings(warnings);
        await CreateLeadAsync(tenantId, input, "Zapier", item, ct);
    }

    /// <summary>The workspace's culture, in which amounts typed in forms are read.</summary>
    private static async Task<string> CultureAsync(CrmDbContext db, Guid tenantId, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct))?.Culture ?? "pt-BR";

    /// <summary>A lead from a webhook is never lost over its phone: an unreadable one is kept as text and noted on the item.</summary>
    private async Task CreateLeadAsync(Guid tenantId, LeadInput input, string actorName, InboxItem item, CancellationToken ct)
    {
        await using var scope = actors.Create(FixedCurrentUser.Internal(tenantId, ActorType.Webhook, actorName, $"inbox:{item.Id:N}"));
        var captured = await scope.ServiceProvider.GetRequiredService<LeadService>().CaptureAsync(input with { KeepUnreadablePhone = true }, ct);
        item.AddWarnings(captured.Warnings.Select(w => $"Lead {captured.LeadId}: {w}"));
    }

    private static string Describe(Exception e) => e switch
    {
        ValidationException v => "Invalid data: " + string.Join("; ", v.Errors.Select(kv => $"{kv.Key} {string.Join(", ", kv.Value)}")),
        _ => e.Message.Length > 1900 ? e.Message[..1900] : e.Message,
    };
}
