namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// A y axis sized to the data for MudBlazor's bar charts, whose default tick spacing (20) drew 0–20 for counts of 1:
/// about five ticks at a round step (1, 2 or 5 times a power of ten), never below 1.
/// </summary>
public static class ChartScale
{
    /// <summary>The spacing between y ticks for values up to <paramref name="max"/> (same unit as the values).</summary>
    public static int TickStep(double max, int ticks = 5)
    {
        if (!(max > 0)) return 1;
        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw - 1e-9);
        return (int)Math.Max(1, Math.Min(int.MaxValue, Math.Ceiling(step)));
    }
}
