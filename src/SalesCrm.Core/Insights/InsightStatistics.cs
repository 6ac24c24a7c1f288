namespace SalesCrm.Core.Insights;

/// <summary>The small statistics the rules use: one-sided confidence that a proportion or a mean really changed.</summary>
public static class InsightStatistics
{
    /// <summary>
    /// Confidence (0..1) that the rate <paramref name="before"/>/<paramref name="n1"/> is higher than <paramref name="after"/>/<paramref name="n2"/>:
    /// Φ(z) of the pooled two-proportion z-test. 0.5 when there is no difference or no variance.
    /// </summary>
    public static double ProportionFell(int before, int n1, int after, int n2)
    {
        if (n1 == 0 || n2 == 0) return 0;
        var (p1, p2) = ((double)before / n1, (double)after / n2);
        var pooled = (double)(before + after) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? (p1 > p2 ? 1 : 0.5) : NormalCdf((p1 - p2) / se);
    }

    /// <summary>Confidence (0..1) that the mean of <paramref name="after"/> is higher than that of <paramref name="before"/>: Φ(z) of Welch's statistic.</summary>
    public static double MeanRose(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        if (before.Count < 2 || after.Count < 2) return 0;
        var (m1, v1) = MeanAndVariance(before);
        var (m2, v2) = MeanAndVariance(after);
        var se = Math.Sqrt(v1 / before.Count + v2 / after.Count);
        return se == 0 ? (m2 > m1 ? 1 : 0.5) : NormalCdf((m2 - m1) / se);
    }

    /// <summary>The value below which <paramref name="q"/> (0..1) of <paramref name="sorted"/> (ascending) falls, linearly interpolated.</summary>
    public static long Quantile(IReadOnlyList<long> sorted, double q)
    {
        if (sorted.Count == 0) return 0;
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return (long)Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (position - low));
    }

    /// <summary>Φ(z), the standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
