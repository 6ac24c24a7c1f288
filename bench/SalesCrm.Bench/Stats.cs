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
}
