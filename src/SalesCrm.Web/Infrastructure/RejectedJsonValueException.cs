using System.Text.Json;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// A JSON value that parsed but may not be accepted (a null array item, a NUL character). The serializer fills in the
/// property's path (<c>$.stages</c>); <see cref="PathSuffix"/> adds the item (<c>[0]</c>), so the 400 names
/// <c>stages[0]</c> with <see cref="Reason"/>.
/// </summary>
public sealed class RejectedJsonValueException(string reason, string pathSuffix = "") : JsonException(reason)
{
    public string Reason { get; } = reason;

    public string PathSuffix { get; } = pathSuffix;
}
