using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// The outcome of validating a reply. Valid: <see cref="Value"/> is what to store (name and e-mail as normalized text,
/// phone as E.164 text, number as a JSON number, date as <c>yyyy-MM-dd</c>, option as the option id) and <see cref="Text"/>
/// how to show it. Invalid: <see cref="Reason"/> is a stable code (<c>empty</c>, <c>too_long</c>, <c>invalid_name</c>,
/// <c>invalid_email</c>, <c>invalid_phone</c>, <c>invalid_number</c>, <c>ambiguous_number</c>, <c>out_of_range</c>,
/// <c>invalid_date</c>, <c>no_matching_option</c>, <c>ambiguous_option</c>) for the re-ask message and the funnel.
/// </summary>
public sealed record AnswerResult(bool IsValid, JsonNode? Value, string? Text, string? Reason)
{
    /// <summary>An accepted reply: <paramref name="value"/> to store, <paramref name="text"/> to show.</summary>
    public static AnswerResult Valid(JsonNode? value, string text) => new(true, value, text, null);

    /// <summary>A refused reply with its <paramref name="reason"/> code.</summary>
    public static AnswerResult Invalid(string reason) => new(false, null, null, reason);
}
