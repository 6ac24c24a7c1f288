using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// The one place where request input that cannot be read or stored becomes a 4xx before any endpoint sees it: a NUL
/// character in a query parameter (which PostgreSQL cannot take as text) is a 400 naming the parameter; a charset .NET
/// does not know (<c>application/json; charset=bogus</c>) is 415, a quoted one (<c>charset="utf-8"</c>) is unquoted; a form or multipart body is read here once (the
/// endpoint gets the cached form) so its limits — 1,024 fields, 2,048-character keys, 16 KB part headers, a missing,
/// truncated or over-long boundary — answer 400/413 problem+json, and a NUL character in a field (which PostgreSQL
/// cannot store in text) is a 400 naming the field. A JSON body an endpoint binds to an object is read field by field
/// (<see cref="JsonBody.CheckAsync"/>), so one 400 names every wrong field rather than the binder's first (ADR 038).
/// </summary>
public sealed class RequestInputGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true) CheckQuery(request.Query);
        if (request.ContentType is { Length: > 0 } contentType)
        {
            if (MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset is { Length: > 0 } charset)
            {
                if (!IsKnownCharset(charset.Value!))
                    throw new BadHttpRequestException($"The charset '{charset}' is not supported; send UTF-8.", StatusCodes.Status415UnsupportedMediaType);
                // RFC 9110 §5.6.6 allows a quoted parameter value (charset="utf-8"); the JSON reader does not unquote it.
                if (charset.Length > 1 && charset.Value![0] == '"')
                {
                    media.Charset = HeaderUtilities.RemoveQuotes(charset);
                    request.ContentType = media.ToString();
                }
            }
            if (request.HasFormContentType) await CheckFormAsync(request, context.RequestAborted);
            else if (request.HasJsonContentType() && JsonBodyOf(context) is { } accepts)
                await JsonBody.CheckAsync(request, accepts.RequestType!, accepts.IsOptional, context.RequestAborted);
        }
        await next(context);
    }

    /// <summary>The endpoint's JSON body (a bound parameter or an <c>Accepts&lt;T&gt;</c>), which is read field by field first.</summary>
    private static IAcceptsMetadata? JsonBodyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .LastOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>413 when a multipart body is past its length limit; every other form-reader limit is a 400.</summary>
    public static int StatusFor(InvalidDataException error) =>
        error.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;

    private static void CheckQuery(IQueryCollection query)
    {
        var v = new Validator();
        foreach (var (key, values) in query)
            v.When(key.Contains('\0') || values.Any(value => value?.Contains('\0') == true), key.Contains('\0') ? "query" : key, "must not contain NUL characters.");
        v.ThrowIfInvalid();
    }

    private static async Task CheckFormAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // The multipart reader reports a body that ends before its closing boundary as a plain IOException.
            throw new BadHttpRequestException("The form body ended before its closing boundary.", StatusCodes.Status400BadRequest, e);
        }
        var v = new Validator();
        foreach (var (key, values) in form)
        {
            var field = key.Contains('\0') ? "body" : key;
            v.When(key.Contains('\0') || values.Any(value => value?.Contains('\0') == true), field, "must not contain NUL characters.");
        }
        foreach (var file in form.Files)
            v.When(file.FileName.Contains('\0') || file.Name.Contains('\0'), "file", "the file name must not contain NUL characters.");
        v.ThrowIfInvalid();
    }

    private static bool IsKnownCharset(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
