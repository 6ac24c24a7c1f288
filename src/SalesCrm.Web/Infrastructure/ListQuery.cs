using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Reads the PostgREST-style list parameters of a request: filters and or/and groups, order, limit, offset, select, q.</summary>
public sealed record ListQuery(IReadOnlyList<FilterNode> Filters, IReadOnlyList<SortKey>? Order, int Limit, int Offset, IReadOnlyList<string>? Select, string? Q)
{
    public static ListQuery From(HttpRequest request, IEnumerable<string>? extraReserved = null)
    {
        var reserved = new HashSet<string>(FilterGrammar.ReservedParameters, StringComparer.Ordinal);
        foreach (var r in extraReserved ?? []) reserved.Add(r);
        var v = new Validator();
        var filters = new List<FilterNode>();
        foreach (var (key, values) in request.Query)
        {
            if (reserved.Contains(key)) continue;
            foreach (var value in values)
            {
                try { filters.Add(FilterGrammar.Parse(key, value ?? "")); }
                catch (ValidationException e) { foreach (var (k, msgs) in e.Errors) foreach (var m in msgs) v.Add(k, m); }
            }
        }
        IReadOnlyList<SortKey>? order = null;
        if (request.Query.TryGetValue("order", out var orderText))
        {
            try { order = FilterGrammar.ParseOrder(orderText.ToString()); }
            catch (ValidationException e) { v.Add("order", e.Errors["order"][0]); }
        }
        var limit = Int(request, "limit", 50, v);
        var offset = Int(request, "offset", 0, v);
        var select = request.Query.TryGetValue("select", out var s)
            ? s.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        v.When(select is { Length: 0 }, "select", "names no fields.");
        v.ThrowIfInvalid();
        return new ListQuery(filters, order, limit, offset, select, request.Query["q"].FirstOrDefault());
    }

    private static int Int(HttpRequest request, string name, int fallback, Validator v)
    {
        if (!request.Query.TryGetValue(name, out var text)) return fallback;
        if (int.TryParse(text.ToString(), out var value)) return value;
        v.Add(name, $"'{text}' is not a whole number.");
        return fallback;
    }
}

/// <summary>Projects serialized items onto the fields named by <c>select=</c> (<c>*</c> is every field); unknown names are a 400.</summary>
public static class JsonSelect
{
    public static JsonObject Page<T>(Paged<T> page, IReadOnlyList<string>? select, JsonSerializerOptions options)
    {
        var items = new JsonArray();
        foreach (var item in page.Items) items.Add(Project(item, select, options));
        return new JsonObject { ["items"] = items, ["total"] = page.Total, ["total_exact"] = page.TotalExact, ["limit"] = page.Limit, ["offset"] = page.Offset };
    }

    public static JsonNode Project<T>(T item, IReadOnlyList<string>? select, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(item, options)!.AsObject();
        if (select is null || select.Contains("*")) return node;
        var unknown = select.Where(f => !node.ContainsKey(f)).ToList();
        if (unknown.Count > 0) throw new ValidationException("select", $"Unknown fields: {string.Join(", ", unknown)}.");
        var result = new JsonObject();
        foreach (var field in select) result[field] = node[field]?.DeepClone();
        return result;
    }
}

public static class HttpExtensions
{
    /// <summary>Honours <c>Prefer: return=minimal</c> on writes: 204 without a body.</summary>
    public static bool WantsMinimal(this HttpRequest request) =>
        request.Headers["Prefer"].Any(p => p is not null && p.Split(',').Any(x => x.Trim().Equals("return=minimal", StringComparison.OrdinalIgnoreCase)));

    public static JsonSerializerOptions JsonOptions(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
}
