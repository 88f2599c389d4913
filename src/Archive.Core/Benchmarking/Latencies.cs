namespace Archive.Core.Benchmarking;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>Nearest-rank percentiles (no interpolation: every figure is a latency that was measured).</summary>
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) return Empty;
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
