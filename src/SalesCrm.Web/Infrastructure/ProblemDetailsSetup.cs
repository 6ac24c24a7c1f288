using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>One place that turns errors into RFC 9457 problem+json with a stable <c>code</c> and the correlation id.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddCrmProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Extensions.TryAdd("code", CodeFor(status));
            ctx.ProblemDetails.Extensions.TryAdd("correlation_id", ctx.HttpContext.TraceIdentifier);
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.Remove("traceId");
            if (ctx.ProblemDetails is HttpValidationProblemDetails v)
            {
                // Built-in validation keys errors by C# member name; clients see snake_case fields.
                var renamed = v.Errors.ToDictionary(e => SnakeCase(e.Key), e => e.Value);
                v.Errors.Clear();
                foreach (var (key, value) in renamed) v.Errors[key] = value;
            }
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        return services;
    }

    public static string CodeFor(int status) => status switch
    {
        400 or 422 => ErrorCodes.Validation,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        406 => ErrorCodes.NotAcceptable,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.PayloadTooLarge,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        >= 500 => ErrorCodes.Internal,
        _ => ErrorCodes.Validation,
    };

    internal static string SnakeCase(string name) =>
        string.Join('.', name.Split('.').Select(part => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}

/// <summary>Maps domain exceptions and bad requests to problem+json; anything else is a logged 500 INTERNAL_ERROR.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationException v:
                problem = new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = 400, Title = v.Message };
                break;
            case SalesCrm.Core.Copilot.RateLimitedException limited:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, limited.RetryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                problem = new ProblemDetails { Status = 429, Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4", Title = limited.Message };
                problem.Extensions["code"] = limited.Code;
                break;
            case SalesCrm.Core.Workflows.WorkflowInvalidException invalid:
                // Not a validation problem of request fields: errors are keyed by node id (kept as written), and the list carries each problem's code.
                problem = new ProblemDetails { Status = 400, Title = invalid.Message };
                problem.Extensions["code"] = invalid.Code;
                problem.Extensions["errors"] = invalid.Problems.GroupBy(p => p.NodeId is null ? "graph" : $"nodes.{p.NodeId}")
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
                problem.Extensions["problems"] = invalid.Problems;
                break;
            case DomainException d:
                problem = new ProblemDetails { Status = StatusFor(d), Title = d.Message };
                problem.Extensions["code"] = d.Code;
                break;
            case BadHttpRequestException bad:
                problem = new HttpValidationProblemDetails(BindingErrors.Read(context, bad) is { } field ? new Dictionary<string, string[]> { [field.Key] = field.Value } : BodyErrors(bad))
                    { Status = bad.StatusCode, Title = bad.StatusCode == 413 ? "The request body is too large." : "The request could not be read." };
                break;
            case InvalidDataException form:
                // A form or multipart body past the reader's limits (field count, key length, part headers, boundary).
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [form.Message] })
                    { Status = RequestInputGuard.StatusFor(form), Title = "The request could not be read." };
                break;
            case Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException:
                // Services retry their own version conflicts; one that still escapes is a conflict, never a 500.
                problem = new ProblemDetails { Status = 409, Title = "The record was changed by someone else; reload and try again." };
                break;
            case System.Text.Json.JsonException json:
                // A body read by hand (ReadFromJsonAsync) rather than bound by the framework.
                problem = new HttpValidationProblemDetails(BodyErrors(json)) { Status = 400, Title = "The request could not be read." };
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true;
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                problem = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." };
                break;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A value of the wrong type or outside an enum is reported under its field (<c>$.priority</c> → <c>priority</c>);
    /// a rejected value (a null array item, a NUL character) under its item (<c>stages[0]</c>) with its reason.
    /// </summary>
    private static Dictionary<string, string[]> BodyErrors(Exception error)
    {
        var json = error as System.Text.Json.JsonException ?? error.InnerException as System.Text.Json.JsonException;
        var rejected = json as RejectedJsonValueException;
        if (json is { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal))
            return new() { [path[2..] + rejected?.PathSuffix] = [rejected?.Reason ?? "The value has the wrong type or is not one of the allowed values."] };
        return new() { ["body"] = [rejected?.Reason ?? error.Message] };
    }

    private static int StatusFor(DomainException e) => e switch
    {
        SalesCrm.Core.Knowledge.KnowledgeFileException file => file.Status,
        NotFoundException or MediaUnavailableException => 404,
        ProviderException => 502,
        SalesCrm.Core.Copilot.SpeechUnavailableException or StorageUnavailableException => 503,
        ConflictException => 409,
        ForbiddenException => 403,
        UnauthorizedException => 401,
        _ => 400,
    };
}
