using System.Globalization;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The geometry of the hits-over-time histogram, drawn as SVG by the server (no script).</summary>
/// <remarks>
/// Coordinates are formatted here, once each: the view writes a bar's x and width twice (the bar and its click
/// area), every bar has the same width, and custom number formatting is what a histogram of 40 bars spends most on.
/// </remarks>
public sealed class HistogramChart
{
    public const int Width = 720;
    public const int Height = 120;
    public const int LabelHeight = 18;

    /// <summary>The height of a bar's click area, which reaches from the top down to the labels.</summary>
    public const int HitHeight = Height - LabelHeight;

    public HistogramChart(IReadOnlyList<HistogramBucket> buckets, SearchUrls urls)
    {
        var max = Math.Max(1, buckets.Count == 0 ? 1 : buckets.Max(b => b.Count));
        var slot = buckets.Count == 0 ? Width : (double)Width / buckets.Count;
        var barWidth = Math.Max(2, slot * 0.8);
        var barWidthText = Svg(barWidth);
        // Label every bar when there is room, otherwise about a dozen evenly spaced labels.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(buckets.Count / 12.0));
        var bars = new Bar[buckets.Count];
        for (var i = 0; i < bars.Length; i++)
        {
            var bucket = buckets[i];
            var height = bucket.Count == 0 ? 0 : Math.Max(2, (Height - LabelHeight - 4) * bucket.Count / (double)max);
            var showLabel = i % labelEvery == 0;
            bars[i] = new Bar(bucket, Svg(i * slot + (slot - barWidth) / 2), Svg(Height - LabelHeight - height), barWidthText, Svg(height),
                showLabel ? Svg(i * slot + slot / 2) : "", showLabel, urls.WithRange(bucket.From, bucket.To));
        }
        Bars = bars;
    }

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>An SVG coordinate: invariant culture, at most one decimal.</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A bar, its coordinates formatted for SVG (<see cref="Svg"/>); <see cref="LabelX"/> is empty without a label.</summary>
    public sealed record Bar(HistogramBucket Bucket, string X, string Y, string Width, string Height, string LabelX, bool ShowLabel, string Url)
    {
        /// <summary>What the bar says to a screen reader and in its tooltip: “2024年：12 篇”.</summary>
        public string Caption { get; } = $"{Bucket.Label}：{Bucket.Count} 篇";
    }
}
