namespace SalesCrm.Core.Inbox;

/// <summary>
/// An inbox item whose body does not have the provider's shape at <see cref="Path"/> (a null message, a status without
/// its object, a field of the wrong type). Sending it again cannot help, so the processor fails the item at once, with
/// the path in its error, instead of retrying it.
/// </summary>
public sealed class MalformedItemException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>Where in the body, e.g. <c>entry[0].changes[0].value.messages[0]</c>.</summary>
    public string Path { get; } = path;
}
