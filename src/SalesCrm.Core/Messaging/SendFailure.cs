namespace SalesCrm.Core.Messaging;

/// <summary>
/// Why a message could not be sent, as the first word of its stored <see cref="Message.Error"/>
/// (<c>unreachable: Name or service not known …</c>): pages show a localized summary by the kind and the provider's
/// own words as detail. Errors stored before the kinds existed have none.
/// </summary>
public static class SendFailure
{
    /// <summary>The provider did not answer (network, DNS, timeout).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The provider answered and refused the message (its error message follows).</summary>
    public const string Refused = "refused";

    public static string Describe(string kind, string? detail) => $"{kind}: {detail}";

    /// <summary>The kind an error starts with, or null for an error without one.</summary>
    public static string? KindOf(string? error) =>
        error is null ? null : new[] { Unreachable, Refused }.FirstOrDefault(k => error.StartsWith(k + ": ", StringComparison.Ordinal));
}
