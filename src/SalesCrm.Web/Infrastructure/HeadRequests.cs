namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Answers <c>HEAD</c> on every <c>/api/v1</c> read as its <c>GET</c> would, headers only (RFC 9110 §9.3.2): minimal APIs
/// map GET alone, so a HEAD used to end in 404 while a PUT on the same path said <c>Allow: GET, HEAD</c>. Runs before
/// routing, which then picks the GET endpoint; the body is discarded. <c>/rest/v1</c> maps HEAD itself (a count alone).
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api/v1"))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await next(context); }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
