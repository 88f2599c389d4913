using Archive.Core.Searching;
using Archive.Web.Models;

namespace Archive.Web.Tests;

/// <summary>The histogram's geometry as the SVG gets it.</summary>
public sealed class HistogramChartTests
{
    private static HistogramBucket Year(int year, int count) => new($"{year}年", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), count);

    [Fact]
    public void BarsGetCoordinatesWithAtMostOneDecimalAndLinksToTheirPeriod()
    {
        var buckets = Enumerable.Range(1985, 41).Select(y => Year(y, y == 1990 ? 40 : 1)).ToList();

        var chart = new HistogramChart(buckets, new SearchUrls(new SearchRequest("经济")));

        Assert.Equal(41, chart.Bars.Count);
        var first = chart.Bars[0];
        // 41 slots of 720/41 = 17.56 units; bars are 80 % of a slot, centred in it.
        Assert.Equal(("1.8", "14"), (first.X, first.Width));
        Assert.Equal(("19.3", "14"), (chart.Bars[1].X, chart.Bars[1].Width));
        // The tallest bar reaches 98 units up from the labels; the others in proportion, at least 2.
        Assert.Equal(("4", "98"), (chart.Bars[5].Y, chart.Bars[5].Height));
        Assert.Equal(("99.6", "2.5"), (first.Y, first.Height));
        // About a dozen labels: every fourth bar here, centred under it.
        Assert.Equal([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40], chart.Bars.Select((b, i) => (b, i)).Where(x => x.b.ShowLabel).Select(x => x.i));
        Assert.Equal("8.8", first.LabelX);
        Assert.Equal("", chart.Bars[1].LabelX);
        Assert.Equal("/search?q=经济&from=1985-01-01&to=1985-12-31", first.Url);
        Assert.Equal("1985年：1 篇", first.Caption);
    }

    [Fact]
    public void AnEmptyPeriodHasNoBarButKeepsItsPlace()
    {
        var chart = new HistogramChart([Year(2023, 5), Year(2024, 0)], new SearchUrls(new SearchRequest(null)));

        Assert.Equal(("0", "102"), (chart.Bars[1].Height, chart.Bars[1].Y));
        Assert.Equal(("396", "288"), (chart.Bars[1].X, chart.Bars[1].Width));
    }
}
