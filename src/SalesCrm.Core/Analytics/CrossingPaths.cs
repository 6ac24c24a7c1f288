namespace SalesCrm.Core.Analytics;

/// <summary>
/// The pipeline funnel's part for the leads whose path crosses the report period's edges: stage entries and highest orders
/// counted from their history (<c>Entered</c>: stage id → leads; <c>Reached</c>: highest order → leads), and lead counts per
/// stage set (<c>Sets</c>: comma-separated stage ids → leads) still to be applied the pipeline's stages (ADR 055).
/// </summary>
internal sealed record CrossingPaths(Dictionary<Guid, int> Entered, Dictionary<int, int> Reached, IReadOnlyList<(string Stages, int Count)> Sets);
