using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// What a run's expressions can read, as one JSON object: <c>lead</c> (the lead in its API shape, snake_case, with its
/// custom fields under both <c>custom</c> and <c>custom_fields</c>), <c>event</c> (<c>{ type, payload }</c>),
/// <c>nodes</c> (<c>&lt;node id&gt;</c> → <c>{ output }</c>), <c>run</c> (<c>{ id, input }</c>) and <c>workspace</c>
/// (<c>{ time_zone, culture, … }</c>). Values are read by <see cref="ScopePath"/>; the scope also carries the workspace's
/// time zone and culture, which the <c>date</c> and <c>money</c> filters and number comparisons use.
/// </summary>
public sealed class WorkflowScope
{
    private static readonly JsonSerializerOptions ApiJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>An empty scope in the default workspace zone (São Paulo) and culture (pt-BR).</summary>
    public WorkflowScope() : this(new JsonObject()) { }

    /// <summary>A scope over <paramref name="root"/> (kept, not copied); <paramref name="timeZone"/> defaults to São Paulo, <paramref name="culture"/> to pt-BR, <paramref name="time"/> to the system clock.</summary>
    public WorkflowScope(JsonObject root, TimeZoneInfo? timeZone = null, CultureInfo? culture = null, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Root = root;
        TimeZone = timeZone ?? WorkspaceTimeZones.Default;
        Culture = culture ?? CultureInfo.GetCultureInfo("pt-BR");
    }

    /// <summary>The scope's JSON; callers may add to it (a node's output after each step).</summary>
    public JsonObject Root { get; }

    /// <summary>The workspace's time zone: dates without an offset are read in it, the <c>date</c> filter writes in it.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The clock that <c>today</c> and <c>now</c> in condition values read.</summary>
    public TimeProvider Time { get; }

    /// <summary>The workspace's culture (pt-BR by default): how numeric text such as <c>1.234,56</c> is read.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Reads a path (see <see cref="ScopePath"/>); false when any segment is missing.</summary>
    public bool TryResolve(string? path, out JsonNode? value) => ScopePath.TryResolve(Root, path, out value);

    /// <summary>Sets <c>lead</c> from the lead's API shape; <c>custom_fields</c> is also reachable as <c>custom</c>.</summary>
    public WorkflowScope WithLead(LeadDto lead) => WithLead(JsonSerializer.SerializeToNode(lead, ApiJson)!.AsObject());

    /// <summary>
    /// Sets <c>lead</c> from JSON already in the API shape (kept when it has no parent, else copied); a
    /// <c>custom_fields</c> object is aliased as <c>custom</c>.
    /// </summary>
    public WorkflowScope WithLead(JsonObject lead)
    {
        var own = (JsonObject)Own(lead)!;
        if (!own.ContainsKey("custom") && own["custom_fields"] is JsonObject custom) own["custom"] = custom.DeepClone();
        Root["lead"] = own;
        return this;
    }

    /// <summary>Sets <c>event</c> to <c>{ type, payload }</c>.</summary>
    public WorkflowScope WithEvent(string type, JsonNode? payload)
    {
        Root["event"] = new JsonObject { ["type"] = type, ["payload"] = Own(payload) };
        return this;
    }

    /// <summary>Sets <c>run</c> to <c>{ id, input }</c>.</summary>
    public WorkflowScope WithRun(Guid id, JsonNode? input)
    {
        Root["run"] = new JsonObject { ["id"] = id.ToString(), ["input"] = Own(input) };
        return this;
    }

    /// <summary>Records a step's output as <c>nodes.&lt;nodeId&gt;.output</c> (replacing an earlier one of the same node).</summary>
    public WorkflowScope WithNodeOutput(string nodeId, JsonNode? output)
    {
        if (Root["nodes"] is not JsonObject nodes) Root["nodes"] = nodes = new JsonObject();
        nodes[nodeId] = new JsonObject { ["output"] = Own(output) };
        return this;
    }

    /// <summary>Sets <c>workspace</c> (name, time zone…) as given.</summary>
    public WorkflowScope WithWorkspace(JsonObject workspace)
    {
        Root["workspace"] = Own(workspace);
        return this;
    }

    // A node already inside another tree cannot be attached twice: copy it then.
    private static JsonNode? Own(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
