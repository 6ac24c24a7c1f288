namespace SalesCrm.Core.Workflows;

/// <summary>Where the designer draws a node; the engine ignores it.</summary>
public sealed record NodePosition(double X, double Y);
