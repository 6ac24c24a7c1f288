using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.OpenApi;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Marks an endpoint whose writes honour the <c>Idempotency-Key</c> header (see <see cref="IdempotencyMiddleware"/>).</summary>
public sealed class IdempotentWrite
{
    public static readonly IdempotentWrite Instance = new();
}

/// <summary>
/// The <c>Idempotency-Key</c> header on POST writes marked <see cref="IdempotentWrite"/>: the same key with the same
/// request (method, path and query, content type, body bytes — or a form's fields and files) replays the first successful answer (status, body,
/// Location and X-* headers, plus <c>Idempotent-Replayed: true</c>); the same key with a different request is 409
/// <c>IDEMPOTENCY_KEY_REUSED</c>; while the first is running, 409 <c>IDEMPOTENCY_KEY_IN_PROGRESS</c>. Keys are per
/// workspace and caller and kept 24 hours (<see cref="IdempotencyStore"/>). Requests without the header are untouched.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxStoredBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWrite>() is null
            || !context.Request.Headers.TryGetValue(Header, out var values) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        var ct = context.RequestAborted;
        var outcome = await store.BeginAsync(key, await FingerprintAsync(context.Request, ct), ct);
        if (outcome.Replay is { } stored)
        {
            await ReplayAsync(context, stored, ct);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status is >= 200 and < 300 && buffer.Length <= MaxStoredBodyBytes)
            {
                await store.CompleteAsync(key, status, JsonSerializer.Serialize(ReplayableHeaders(context.Response)), Encoding.UTF8.GetString(buffer.ToArray()), CancellationToken.None);
                completed = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!completed) await store.ReleaseAsync(key, CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    /// <summary>
    /// SHA-256 over method, path and query, and the body: the raw bytes, or for a form its fields and files in order
    /// (name, value; name, file name, type, content). A form is compared by what it says, not by its bytes, because a
    /// client that rebuilds a multipart body picks a new random boundary, and the form was already read (and its body
    /// consumed) by <see cref="RequestInputGuard"/>.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(string text) => sha.AppendData(Encoding.UTF8.GetBytes(text.Length + ":" + text + "\n"));
        Append($"{request.Method} {request.Path}{request.QueryString}");
        var chunk = new byte[16 * 1024];
        int read;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            Append(request.ContentType!.Split(';')[0].Trim().ToLowerInvariant());
            foreach (var (name, values) in form)
            {
                Append(name);
                foreach (var value in values) Append(value ?? "");
            }
            foreach (var file in form.Files)
            {
                Append($"{file.Name}\n{file.FileName}\n{file.ContentType}\n{file.Length}");
                await using var content = file.OpenReadStream();
                while ((read = await content.ReadAsync(chunk, ct)) > 0) sha.AppendData(chunk, 0, read);
            }
            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        Append(request.ContentType ?? "");
        request.EnableBuffering();
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static Dictionary<string, string> ReplayableHeaders(HttpResponse response) =>
        response.Headers.Where(h => h.Key is "Content-Type" or "Location" || h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && h.Key != "X-Correlation-ID")
            .ToDictionary(h => h.Key, h => h.Value.ToString());

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest stored, CancellationToken ct)
    {
        context.Response.StatusCode = stored.StatusCode!.Value;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stored.ResponseHeaders ?? "{}") ?? [])
            context.Response.Headers[name] = value;
        context.Response.Headers[ReplayedHeader] = "true";
        if (!string.IsNullOrEmpty(stored.ResponseBody)) await context.Response.WriteAsync(stored.ResponseBody, ct);
    }
}

/// <summary>Opting an endpoint into <see cref="IdempotencyMiddleware"/>, shown in its OpenAPI operation as a header parameter.</summary>
public static class IdempotencyEndpointExtensions
{
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotentWrite.Instance).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header, In = ParameterLocation.Header, Required = false,
                Description = "Optional. A retry with the same key and body replays the first answer for 24 h; the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyStore.MaxKeyLength },
            });
            return Task.CompletedTask;
        });
}
