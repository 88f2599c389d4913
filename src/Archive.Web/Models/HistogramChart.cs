using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The geometry of the hits-over-time histogram, drawn as SVG by the server (no script).</summary>
public sealed class HistogramChart
{
    public const int Width = 720;
    public const int Height = 120;
    public const int LabelHeight = 18;

    public HistogramChart(IReadOnlyList<HistogramBucket> buckets, SearchUrls urls)
    {
        var max = Math.Max(1, buckets.Count == 0 ? 1 : buckets.Max(b => b.Count));
        var slot = buckets.Count == 0 ? Width : (double)Width / buckets.Count;
        var barWidth = Math.Max(2, slot * 0.8);
        // Label every bar when there is room, otherwise about a dozen evenly spaced labels.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(buckets.Count / 12.0));
        Bars = buckets.Select((bucket, i) =>
        {
            var height = bucket.Count == 0 ? 0 : Math.Max(2, (Height - LabelHeight - 4) * bucket.Count / (double)max);
            return new Bar(bucket, i * slot + (slot - barWidth) / 2, Height - LabelHeight - height, barWidth, height,
                i * slot + slot / 2, i % labelEvery == 0, urls.WithRange(bucket.From, bucket.To));
        }).ToList();
    }

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>A bar; coordinates are formatted for SVG (invariant culture, one decimal).</summary>
    public sealed record Bar(HistogramBucket Bucket, double X, double Y, double Width, double Height, double LabelX, bool ShowLabel, string Url)
    {
        public string Svg(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
