namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>One property of a node type's settings schema, as the generated form shows it.</summary>
public sealed record SchemaField(string Name, SchemaFieldKind Kind, bool Required, IReadOnlyList<string> Choices, string? Description,
    double? Minimum, double? Maximum, SettingsPicker Picker, IReadOnlyList<string> Examples);
