namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Echoes <c>X-Correlation-ID</c> (generating one when absent), uses it as the trace identifier and logs under it.
/// Every answer also carries <c>X-Content-Type-Options: nosniff</c>: this is the one stamp that reaches every answer,
/// including the short-circuited webhook receivers, so a browser never sniffs a JSON or an attachment as HTML.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Assign(context);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Takes the caller's id (or a new one) as the trace identifier and echoes it on the response.</summary>
    public static string Assign(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsUsable(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return id;
    }

    private static bool IsUsable(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
