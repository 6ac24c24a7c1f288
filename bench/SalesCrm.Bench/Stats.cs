namespace SalesCrm.Bench;

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static string Row(string name, IReadOnlyList<double> ms) =>
        $"| {name,-58} | {ms.Count,5} | {Percentile(ms, 50),9:F1} | {Percentile(ms, 95),9:F1} |";

    /// <summary>
    /// One line for a measurement repeated in several runs: the median over the runs of each run's p50 and p95, so one
    /// slow stretch of a shared machine moves a figure less than it would in one long run.
    /// </summary>
    public static string Row(string name, IReadOnlyList<IReadOnlyList<double>> runs) =>
        $"| {name,-58} | {runs.Sum(r => r.Count),5} | {MedianOf(runs, 50),9:F1} | {MedianOf(runs, 95),9:F1} |";

    /// <summary>The median over runs of each run's <paramref name="p"/>-th percentile.</summary>
    public static double MedianOf(IReadOnlyList<IReadOnlyList<double>> runs, double p) => Percentile(runs.Select(r => Percentile(r, p)).ToList(), 50);
}
