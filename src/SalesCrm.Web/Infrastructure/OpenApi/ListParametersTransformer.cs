using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SalesCrm.Web.Infrastructure.OpenApi;

/// <summary>
/// Gives every list endpoint (<see cref="ListParameters"/>) references to the list parameters defined once under
/// <c>components/parameters</c> — the filter grammar is described there, not on each list — and its field names.
/// </summary>
public sealed class ListParametersTransformer : IOpenApiOperationTransformer
{
    public const string Filters = "Filters", Order = "Order", Limit = "Limit", Offset = "Offset", Select = "Select", Search = "Search", PreferCount = "PreferCount";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var list = context.Description.ActionDescriptor.EndpointMetadata.OfType<ListParameters>().LastOrDefault();
        if (list is null) return Task.CompletedTask;
        var document = context.Document!;
        ListParameterComponents.AddTo(document);
        operation.Parameters ??= [];
        string[] names = [Filters, Order, .. list.Search ? [Search] : Array.Empty<string>(), .. list.Paged ? [Limit, Offset, Select, PreferCount] : Array.Empty<string>()];
        foreach (var name in names)
        {
            var shared = document.Components!.Parameters![name];
            // A list's own parameter of that name (e.g. limit bound by the handler) gives way to the shared one.
            var own = operation.Parameters.FirstOrDefault(p => p is OpenApiParameter && p.Name == shared.Name && p.In == shared.In);
            if (own is not null) operation.Parameters.Remove(own);
            operation.Parameters.Add(new OpenApiParameterReference(name, document));
        }
        var fields = $"Filterable and sortable fields: {string.Join(", ", list.Fields.Select(f => $"`{f}`"))}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? fields : operation.Description + "\n\n" + fields;
        return Task.CompletedTask;
    }
}
