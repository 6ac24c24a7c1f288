using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Reads the framework's binding failures of route, query and header parameters ("Failed to bind parameter "Guid? moveTo"
/// from "x"") into a per-field error under the name the client sent (<c>move_to_stage_id</c>, <c>limit</c>) with a
/// message about the expected value, instead of the C# parameter's type and name under <c>body</c>.
/// </summary>
internal static partial class BindingErrors
{
    /// <summary>The field and message of a parameter binding failure, or null when <paramref name="error"/> is another kind of bad request.</summary>
    public static KeyValuePair<string, string[]>? Read(HttpContext context, BadHttpRequestException error)
    {
        var match = FailedToBind().Match(error.Message);
        if (!match.Success) match = RequiredMissing().Match(error.Message);
        if (!match.Success) return null;
        var parameter = match.Groups["param"].Value;
        var type = match.Groups["type"].Value.TrimEnd('?');
        // The exception handler runs with the endpoint cleared; its feature keeps the one that failed.
        var metadata = (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata;
        var info = metadata?.GetOrderedMetadata<IParameterBindingMetadata>().FirstOrDefault(p => p.Name == parameter)?.ParameterInfo
                   ?? metadata?.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == parameter);
        var name = NameOf(info) ?? ProblemDetailsSetup.SnakeCase(parameter);
        var message = match.Groups["value"].Success ? $"'{match.Groups["value"].Value}' {Expected(type, info)}" : "is required.";
        return new(name, [message]);
    }

    private static string? NameOf(ParameterInfo? info)
    {
        if (info is null) return null;
        foreach (var attribute in info.GetCustomAttributes(inherit: false))
        {
            var explicitName = attribute switch
            {
                IFromQueryMetadata q => q.Name,
                IFromRouteMetadata r => r.Name,
                IFromHeaderMetadata h => h.Name,
                _ => null,
            };
            if (!string.IsNullOrEmpty(explicitName)) return explicitName;
        }
        return info.Name is { } n ? ProblemDetailsSetup.SnakeCase(n) : null;
    }

    private static string Expected(string type, ParameterInfo? info)
    {
        var clr = info is null ? null : Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
        if (clr is { IsEnum: true }) return "is not one of the allowed values.";
        return (clr?.Name ?? type) switch
        {
            "Guid" => "is not a UUID.",
            "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "is not a whole number.",
            "bool" or "Boolean" => "is not true or false.",
            "decimal" or "double" or "float" or "Decimal" or "Double" or "Single" => "is not a number.",
            "DateTime" or "DateTimeOffset" => "is not a date and time (ISO 8601).",
            "DateOnly" => "is not a date (YYYY-MM-DD).",
            _ => "has the wrong type.",
        };
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>\\S+) (?<param>\\w+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>\\S+) (?<param>\\w+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex RequiredMissing();
}
