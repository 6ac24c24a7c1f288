using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Rest;

/// <summary>
/// Reads a PostgREST request (filters, <c>limit</c>/<c>offset</c> or a <c>Range: 0-24</c> header, <c>select</c>) and
/// answers as PostgREST does: a bare JSON array, <c>Content-Range: 0-24/311</c> (the total only with
/// <c>Prefer: count=exact</c>, else <c>*</c>), or one object for <c>Accept: application/vnd.pgrst.object+json</c>
/// (406 when the filters match no row or several), 416 for a counted page past the last row. Without limit or Range a
/// page holds at most 500 rows.
/// </summary>
public static class PostgrestResponse
{
    public const string ObjectMediaType = "application/vnd.pgrst.object+json";

    /// <param name="searchable">Whether the resource applies <c>q=</c> (leads' text search); elsewhere it is a 400, never ignored.</param>
    public static async Task<IResult> ListAsync<T>(HttpContext http, Func<ListRequest, Task<Paged<T>>> list, bool searchable = false)
    {
        if (!AcceptsJson(http.Request))
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "None of these media types are available.",
                detail: $"'{http.Request.Headers.Accept}': /rest/v1 answers application/json or {ObjectMediaType}.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.NotAcceptable });
        var query = ListQuery.From(http.Request);
        if (!searchable && query.Q is not null) throw new ValidationException("q", "is not supported on this resource: filter by column, e.g. title=ilike.*ana*.");
        var (limit, offset) = Page(http.Request, query);
        var single = WantsObject(http.Request);
        var counted = CountExact(http.Request);
        // For a single object fetch two rows: enough to tell "exactly one" from "several". limit=0 asks for no rows, only
        // the Content-Range (postgrest-js counts this way): one row is read for the filters' checks and the count.
        // Without Prefer: count the total is not shown, so it is not counted.
        var count = counted ? CountMode.Exact : single ? CountMode.Capped : CountMode.None;
        var page = await list(new ListRequest(query.Filters, query.Order, single ? 2 : Math.Max(limit, 1), offset, count));
        if (limit == 0 && !single) page = page with { Items = [] };
        // PostgREST answers a counted read that starts past the last row (Range: 1000-1009 of 66 rows, or offset=1000)
        // with 416 and Content-Range */66; an offset at the end, or any offset when not counted, is an empty 200.
        if (counted && page.TotalExact && offset > page.Total)
        {
            http.Response.Headers["Content-Range"] = $"*/{page.Total.ToString(FilterGrammar.Invariant)}";
            return TypedResults.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Requested range not satisfiable",
                detail: $"An offset of {offset} was requested, but there are only {page.Total} rows.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.RangeNotSatisfiable });
        }
        var options = http.JsonOptions();
        if (single)
        {
            // A refusal describes no rows, so it carries no Content-Range.
            if (page.Items.Count != 1)
                return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "JSON object requested, multiple (or no) rows returned.",
                    detail: $"The result contains {(page.Items.Count == 0 ? "0" : page.TotalExact ? page.Total.ToString(FilterGrammar.Invariant) : $"more than {page.Total:N0}")} rows.", extensions: new Dictionary<string, object?> { ["code"] = "NOT_EXACTLY_ONE_ROW" });
            http.Response.Headers["Content-Range"] = ContentRange(page, counted);
            return Results.Text(JsonSelect.Project(page.Items[0], query.Select, options).ToJsonString(options), ObjectMediaType + "; charset=utf-8");
        }
        http.Response.Headers["Content-Range"] = ContentRange(page, counted);
        var rows = new JsonArray();
        foreach (var item in page.Items) rows.Add(JsonSelect.Project(item, query.Select, options));
        return Results.Text(rows.ToJsonString(options), "application/json; charset=utf-8");
    }

    /// <summary><c>Prefer: count=exact</c> (PostgREST also knows planned and estimated: here every count is exact).</summary>
    public static bool CountExact(HttpRequest request) => request.Headers["Prefer"].Any(p => p is not null &&
        p.Split(',').Any(x => x.Trim() is "count=exact" or "count=planned" or "count=estimated"));

    /// <summary>PostgREST's <c>Content-Range</c>: <c>first-last/total</c>, <c>*/total</c> when empty, total <c>*</c> when not counted.</summary>
    public static string ContentRange<T>(Paged<T> page, bool counted)
    {
        var total = counted ? page.Total.ToString(FilterGrammar.Invariant) : "*";
        return page.Items.Count == 0 ? $"*/{total}" : $"{page.Offset}-{page.Offset + page.Items.Count - 1}/{total}";
    }

    /// <summary>
    /// Whether the <c>Accept</c> header (absent = anything) admits JSON: PostgREST answers 406 for a media type it cannot
    /// produce, and here only JSON is produced (no <c>text/csv</c>, no <c>application/openapi+json</c>).
    /// </summary>
    private static bool AcceptsJson(HttpRequest request)
    {
        var ranges = request.Headers.Accept.Where(a => a is not null).SelectMany(a => a!.Split(',')).Select(x => x.Split(';')[0].Trim().ToLowerInvariant()).Where(x => x.Length > 0).ToList();
        return ranges.Count == 0 || ranges.Any(x => x is "*/*" or "application/*" or "application/json" or ObjectMediaType or "application/vnd.pgrst.array+json");
    }

    private static bool WantsObject(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Split(',').Any(x => x.Trim().StartsWith(ObjectMediaType, StringComparison.OrdinalIgnoreCase)));

    private static (int Limit, int Offset) Page(HttpRequest request, ListQuery query)
    {
        var hasLimit = request.Query.ContainsKey("limit");
        var hasOffset = request.Query.ContainsKey("offset");
        if (!hasLimit && !hasOffset && request.Headers.TryGetValue("Range", out var range) && range.ToString() is { Length: > 0 } text)
        {
            var parts = text.Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var first) || first < 0 || (parts[1].Length > 0 && (!int.TryParse(parts[1], out var last) || last < first)))
                throw new ValidationException("range", $"'{text}' is not a range like 0-24.");
            var end = parts[1].Length > 0 ? int.Parse(parts[1], FilterGrammar.Invariant) : first + PageRequest.MaxLimit - 1;
            return (Math.Min(end - first + 1, PageRequest.MaxLimit), first);
        }
        if (hasLimit && query.Limit < 0) throw new ValidationException("limit", $"must be between 0 and {PageRequest.MaxLimit}.");
        if (hasLimit && query.Limit == 0) return (0, query.Offset);
        return (hasLimit ? query.Limit : PageRequest.MaxLimit, query.Offset);
    }
}
