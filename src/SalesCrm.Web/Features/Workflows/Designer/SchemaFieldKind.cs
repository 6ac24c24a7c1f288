namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>How the settings form edits a schema property.</summary>
public enum SchemaFieldKind
{
    Text,
    /// <summary>A long text (maxLength ≥ 1000): a multi-line box.</summary>
    LongText,
    Integer,
    Number,
    Boolean,
    /// <summary>One of the schema's <c>enum</c> values.</summary>
    Choice,
    /// <summary>An array of strings: one per line.</summary>
    TextList,
    /// <summary>Anything else (an object, an untyped value, an array of objects): edited as JSON.</summary>
    Json,
    /// <summary>An ISO 8601 duration shown as an amount and a unit (<see cref="FriendlyDuration"/>).</summary>
    Duration,
}
