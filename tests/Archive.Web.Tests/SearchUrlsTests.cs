using System.Globalization;
using System.Text;
using Archive.Core.Searching;
using Archive.Web.Models;

namespace Archive.Web.Tests;

/// <summary>The links of a result page: what they keep, what they change, and how values are escaped.</summary>
public sealed class SearchUrlsTests
{
    private static readonly SearchRequest Everything = new("锦鲤 \"高唐\"", 3, 50)
    {
        Counties = ["高唐县", "冠县"],
        Reporters = ["薛良诚"],
        Correspondents = ["李四"],
        Kinds = ["news"],
        Years = [2024],
        Months = [202402],
        From = new DateOnly(2024, 1, 1),
        To = new DateOnly(2024, 6, 30),
        Sort = SearchSort.Newest,
    };

    [Fact]
    public void QueryStringWritesTheWholeStateInItsFixedOrder()
    {
        Assert.Equal(
            "q=锦鲤%20%22高唐%22&county=高唐县&county=冠县&reporter=薛良诚&correspondent=李四&kind=news&year=2024&month=2024-02"
            + "&from=2024-01-01&to=2024-06-30&sort=newest&page=3&size=50",
            SearchUrls.QueryString(Everything));
    }

    [Fact]
    public void QueryStringForOtherProgramsPercentEncodesChineseToo()
    {
        Assert.Equal(
            "q=%E9%94%A6%E9%B2%A4&county=%E9%AB%98%E5%94%90%E5%8E%BF&sort=oldest",
            SearchUrls.QueryString(new SearchRequest("锦鲤", 2) { Counties = ["高唐县"], Sort = SearchSort.Oldest }, includePaging: false, asciiOnly: true));
    }

    [Fact]
    public void AnEmptyStateLinksToTheBarePath()
    {
        var urls = new SearchUrls(new SearchRequest(null));

        Assert.Equal("/search", urls.Current);
        Assert.Equal("/search?page=2", urls.WithPage(2));
        Assert.Equal("/export?format=csv", urls.Export("csv"));
        Assert.Equal("", SearchUrls.QueryString(new SearchRequest("")));
    }

    [Fact]
    public void FacetLinksAddAValueOrRemoveTheSelectedOneAndGoBackToPageOne()
    {
        var urls = new SearchUrls(new SearchRequest("经济", 4) { Counties = ["冠县"], Years = [2023, 2024], Months = [202305, 202402] });

        Assert.Equal("/search?q=经济&county=冠县&county=莘县&year=2023&year=2024&month=2023-05&month=2024-02", urls.Toggle(FacetNames.County, "莘县"));
        Assert.Equal("/search?q=经济&year=2023&year=2024&month=2023-05&month=2024-02", urls.Toggle(FacetNames.County, "冠县"));
        // Removing a year drops its months with it.
        Assert.Equal("/search?q=经济&county=冠县&year=2023&month=2023-05", urls.Toggle(FacetNames.Year, "2024"));
        Assert.Equal("/search?q=经济&county=冠县&year=2023&year=2024&month=2023-05", urls.Toggle(FacetNames.Month, "2024-02"));
        // A new value goes after the facet's others, in the facet's place in the query string.
        Assert.Equal("/search?q=经济&county=冠县&kind=photo&year=2023&year=2024&month=2023-05&month=2024-02", urls.Toggle(FacetNames.Kind, "photo"));
    }

    [Fact]
    public void OtherLinksChangeOneThingAndKeepTheRest()
    {
        var urls = new SearchUrls(new SearchRequest("经济", 2) { Counties = ["冠县"], Years = [2024], Sort = SearchSort.Oldest });

        Assert.Equal("/search?q=经济&county=冠县&year=2024&sort=oldest&page=2", urls.Current);
        Assert.Equal("/search?q=经济&county=冠县&year=2024&sort=oldest&page=5", urls.WithPage(5));
        Assert.Equal("/search?q=经济&county=冠县&year=2024&sort=oldest&size=100", urls.WithSize(100));
        Assert.Equal("/search?q=经济&county=冠县&year=2024", urls.WithSort(SearchSort.Relevance));
        Assert.Equal("/search?q=农业&county=冠县&year=2024&sort=oldest", urls.WithQuery("农业"));
        Assert.Equal("/search?q=经济&county=冠县&from=2020-01-01&to=2020-12-31&sort=oldest",
            urls.WithRange(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)));
        Assert.Equal("/search?q=经济&sort=oldest", urls.WithoutFilters());
        Assert.Equal("/export?q=经济&county=冠县&year=2024&sort=oldest&format=csv&fulltext=true", urls.Export("csv", fullText: true));
    }

    [Fact]
    public void EscapeKeepsChineseAndPercentEncodesWhatMeansSomethingInAUrl()
    {
        Assert.Equal("锦鲤%20高唐%26a%3Db%23c%25d%2Be%3F", SearchUrls.Escape("锦鲤 高唐&a=b#c%d+e?"));
        Assert.Equal("abc-._~XYZ09", SearchUrls.Escape("abc-._~XYZ09"));
    }

    [Fact]
    public void EscapeReturnsAValueThatNeedsNoEscapingAsItIs()
    {
        var name = "薛良诚";
        Assert.Same(name, SearchUrls.Escape(name));
    }

    [Fact]
    public void EscapePercentEncodesSpacesAndControlsOutsideAsciiToo()
    {
        Assert.Equal("高唐%E3%80%80冠县", SearchUrls.Escape("高唐\u3000冠县"));
        Assert.Equal("a%C2%A0b%C2%85c%E2%80%A8", SearchUrls.Escape("a\u00A0b\u0085c\u2028"));
        Assert.Equal("%0A%09%00", SearchUrls.Escape("\n\t\0"));
    }

    [Fact]
    public void EscapeKeepsCharactersBeyondTheBasicPlaneAndReplacesALoneSurrogate()
    {
        Assert.Equal("𠀀😀", SearchUrls.Escape("𠀀😀"));
        Assert.Equal("a\uFFFDb\uFFFD", SearchUrls.Escape("a\uD800b\uDC00"));
    }

    /// <summary>
    /// Escape is the per-character rule written out: any mix of plain, URL-special, space, control, wide and broken
    /// characters comes out as each character escaped on its own would.
    /// </summary>
    [Fact]
    public void EscapeEqualsEscapingEachCharacterOnItsOwn()
    {
        string[] alphabet = ["a", "Z", "7", "-", "~", " ", "&", "=", "#", "%", "+", "/", "?", "\"", "<", "'", "\n", "\0", "\u007F",
            "é", "经", "济", "\u3000", "\u00A0", "\u0085", "\u2028", "\u200B", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "𠀀", "😀", "："];
        var random = new Random(20240601);
        for (var i = 0; i < 5000; i++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            Assert.Equal(EscapeEachCharacter(value), SearchUrls.Escape(value));
        }
    }

    private static string EscapeEachCharacter(string value)
    {
        var escaped = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            var text = rune.ToString();
            escaped.Append(rune.Value > 0x7F && !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune) ? text : Uri.EscapeDataString(text));
        }
        return escaped.ToString();
    }
}
