namespace SalesCrm.Web.Infrastructure.OpenApi;

/// <summary>
/// Marks an endpoint that reads the list grammar (<see cref="ListQuery"/>): its OpenAPI operation gets the shared
/// filter and order parameters, <c>q</c> when <see cref="Search"/>, limit, offset, select and <c>Prefer: count</c> when
/// <see cref="Paged"/>, and names its fields.
/// </summary>
public sealed record ListParameters(IReadOnlyList<string> Fields, bool Search, bool Paged);

public static class ListParametersExtensions
{
    /// <summary>Documents the list grammar on this endpoint, with the fields its filters and order accept.</summary>
    public static TBuilder WithListParameters<TBuilder>(this TBuilder builder, IEnumerable<string> fields, bool search = false, bool paged = true)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ListParameters([.. fields.Order(StringComparer.Ordinal)], search, paged));
}
