using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Archive.Web.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Web.Tests;

/// <summary>Exports of all matching articles (CSV, JSON, RIS), their provenance and cap, and the OpenAPI document.</summary>
public sealed class ExportTests : IClassFixture<ExportTests.ExportSite>
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly ExportSite _site;

    public ExportTests(ExportSite site) => _site = site;

    /// <summary>
    /// The seeds ingested once, and a second, read-only site on the same index whose exports are capped at 3 articles.
    /// </summary>
    public sealed class ExportSite : IAsyncLifetime
    {
        public const int SmallCap = 3;

        public TestFolder Folder { get; } = new();
        public ArchiveFactory Factory { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public JsonElement Health { get; private set; }
        public WebApplicationFactory<Program> Capped { get; private set; } = null!;
        public HttpClient CappedClient { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new ArchiveFactory(Folder);
            Client = Factory.CreateClient();
            Health = await Factory.WaitUntilReadyAsync(Client);

            var reader = new ArchiveFactory(Folder, ingestion: false);
            Capped = reader.WithWebHostBuilder(builder => builder.UseSetting("Archive:Export:MaxArticles", SmallCap.ToString()));
            CappedClient = Capped.CreateClient();
            await reader.WaitUntilReadyAsync(CappedClient);
        }

        public async Task DisposeAsync()
        {
            await Capped.DisposeAsync();
            await Factory.DisposeAsync();
            Folder.Dispose();
        }
    }

    [Fact]
    public async Task CsvStartsWithTheByteOrderMarkAndHasOneRowPerMatchingArticle()
    {
        var total = await TotalAsync("");
        var response = await _site.Client.GetAsync("/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Utf8Bom, bytes[..3]);

        var (header, rows) = ReadCsv(bytes);
        Assert.Equal(["id", "date", "headline", "kind", "county", "reporters", "correspondents", "permalink", "snippet"], header);
        Assert.Equal(total, rows.Count);
        Assert.Equal(total, rows.Select(r => r["id"]).Distinct().Count());
        Assert.All(rows, row => Assert.Equal($"http://localhost/articles/{row["id"]}", row["permalink"]));
        Assert.Equal(total.ToString(), Header(response, "X-Archive-Matched"));
        Assert.Equal(total.ToString(), Header(response, "X-Archive-Written"));
    }

    [Fact]
    public async Task CsvProvenanceIsCommentLinesBeforeTheHeaderRow()
    {
        var total = await TotalAsync("锦鲤");
        var text = Encoding.UTF8.GetString(await _site.Client.GetByteArrayAsync("/export?format=csv&q=" + Uri.EscapeDataString("锦鲤")))
            .TrimStart('\uFEFF');
        var lines = text.Split("\r\n");
        var comments = lines.TakeWhile(line => line.StartsWith('#')).ToList();

        Assert.Contains("# 检索：锦鲤", comments);
        Assert.Contains("# 筛选：无", comments);
        Assert.Contains(comments, c => Regex.IsMatch(c, @"^# 导出时间：\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.Contains($"# 索引版本：{IndexVersion()}", comments);
        Assert.Contains($"# 匹配篇数：{total}", comments);
        Assert.Contains($"# 说明：共 {total} 篇，已全部导出", comments);
        // The header row comes right after the comments, as a row of its own.
        Assert.StartsWith("id,date,headline,", lines[comments.Count]);
    }

    [Fact]
    public async Task CsvSnippetsArePlainTextWithTheMatches()
    {
        var (_, rows) = ReadCsv(await _site.Client.GetByteArrayAsync("/export?format=csv&q=" + Uri.EscapeDataString("锦鲤")));

        Assert.Equal(await TotalAsync("锦鲤"), rows.Count);
        Assert.All(rows, row =>
        {
            Assert.DoesNotContain("<mark>", row["snippet"]);
            Assert.DoesNotContain("&#", row["snippet"]);
        });
        Assert.Contains("锦鲤", rows[0]["snippet"]);
    }

    [Fact]
    public async Task FullTextCsvRoundTripsEveryBodyWithItsLineBreaksAndQuotes()
    {
        var (header, rows) = ReadCsv(await _site.Client.GetByteArrayAsync("/export?format=csv&fulltext=true"));

        Assert.Equal("body", header[^1]);
        Assert.Equal(await TotalAsync(""), rows.Count);
        foreach (var row in rows)
        {
            var article = await _site.Client.GetFromJsonAsync<JsonElement>($"/api/articles/{Uri.EscapeDataString(row["id"])}");
            Assert.Equal(article.GetProperty("body").GetString(), row["body"]);
            Assert.Equal(article.GetProperty("headline").GetString(), row["headline"]);
        }
        // The seeds have what CSV must quote: bodies in paragraphs, and ASCII quotes (高唐县金融活水 润泽"渔光田园").
        Assert.Contains(rows, row => row["body"].Contains('\n'));
        Assert.Contains(rows, row => row["headline"].Contains('"') || row["body"].Contains('"'));
    }

    [Fact]
    public async Task CountyFilterExportsOnlyThatCountysArticles()
    {
        var county = "高唐县";
        var total = (await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?county=" + Uri.EscapeDataString(county))).GetProperty("total").GetInt32();
        var (_, rows) = ReadCsv(await _site.Client.GetByteArrayAsync("/api/export?format=csv&county=" + Uri.EscapeDataString(county)));

        Assert.True(total >= 1);
        Assert.True(total < await TotalAsync(""), "the filter should leave some articles out");
        Assert.Equal(total, rows.Count);
        Assert.All(rows, row => Assert.Equal(county, row["county"]));
    }

    [Fact]
    public async Task JsonCarriesItsProvenanceBeforeTheArticles()
    {
        var county = "高唐县";
        var url = $"/api/export?format=json&q={Uri.EscapeDataString("锦鲤")}&county={Uri.EscapeDataString(county)}";
        var response = await _site.Client.GetAsync(url);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;

        Assert.Equal(["export", "articles"], root.EnumerateObject().Select(p => p.Name));
        var export = root.GetProperty("export");
        var articles = root.GetProperty("articles");
        Assert.Equal("锦鲤", export.GetProperty("query").GetString());
        Assert.Equal(county, export.GetProperty("filters").GetProperty("county")[0].GetString());
        Assert.True(DateTimeOffset.TryParse(export.GetProperty("exportedAt").GetString(), out var exportedAt));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - exportedAt).TotalMinutes) < 5);
        Assert.Equal(IndexVersion(), export.GetProperty("indexVersion").GetInt64());
        Assert.Equal(articles.GetArrayLength(), export.GetProperty("matched").GetInt32());
        Assert.Equal(articles.GetArrayLength(), export.GetProperty("written").GetInt32());
        Assert.False(export.GetProperty("truncated").GetBoolean());
        Assert.Contains("已全部导出", export.GetProperty("note").GetString());

        var first = articles[0];
        Assert.Contains("锦鲤", first.GetProperty("headline").GetString());
        Assert.Equal(county, first.GetProperty("county").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("reporters").ValueKind);
        Assert.False(first.TryGetProperty("body", out _), "body only comes with fulltext=true");
        // Chinese is written as it is, not as \uXXXX escapes.
        Assert.Contains("锦鲤", Encoding.UTF8.GetString(await _site.Client.GetByteArrayAsync(url)));
    }

    [Fact]
    public async Task RisHasOneNewsRecordPerArticle()
    {
        var total = await TotalAsync("");
        var response = await _site.Client.GetAsync("/export?format=ris&fulltext=true");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Utf8Bom, bytes[..3]);

        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain('\n', text.Replace("\r\n", ""));
        var lines = text.Split("\r\n")[..^1];
        Assert.Equal(total, lines.Count(line => line == "TY  - NEWS"));
        Assert.Equal(total, lines.Count(line => line == "ER  - "));
        Assert.Equal("TY  - NEWS", lines[0]);
        Assert.Equal("ER  - ", lines[^1]);
        Assert.Equal(total, lines.Count(line => line == "T2  - 聊城日报"));
        Assert.Equal(total, lines.Count(line => line.StartsWith("UR  - http://localhost/articles/", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.StartsWith("AB  - ", StringComparison.Ordinal));
        // The provenance is one note on the first record, not noise on every record.
        Assert.Single(lines, line => line.StartsWith("N1  - 聊城报纸档案 · 检索结果导出", StringComparison.Ordinal));
        // Records alternate: every TY is closed by an ER before the next TY.
        var open = false;
        foreach (var line in lines.Where(l => l is "TY  - NEWS" or "ER  - "))
        {
            Assert.Equal(line == "ER  - ", open);
            open = !open;
        }
    }

    [Fact]
    public async Task ACapCutsTheExportAndSaysSo()
    {
        var total = await TotalAsync("");
        Assert.True(total > ExportSite.SmallCap);

        var response = await _site.CappedClient.GetAsync("/export?format=csv");
        var (_, rows) = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(ExportSite.SmallCap, rows.Count);
        Assert.Equal(total.ToString(), Header(response, "X-Archive-Matched"));
        Assert.Equal(ExportSite.SmallCap.ToString(), Header(response, "X-Archive-Written"));
        Assert.Equal("true", Header(response, "X-Archive-Truncated"));
        Assert.Contains($"仅导出前 {ExportSite.SmallCap} 篇，共 {total} 篇", text);

        using var json = JsonDocument.Parse(await _site.CappedClient.GetStringAsync("/api/export?format=json"));
        var export = json.RootElement.GetProperty("export");
        Assert.True(export.GetProperty("truncated").GetBoolean());
        Assert.Equal(ExportSite.SmallCap, json.RootElement.GetProperty("articles").GetArrayLength());
        Assert.StartsWith($"仅导出前 {ExportSite.SmallCap} 篇，共 {total} 篇", export.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ExportsAreNamedDownloadsWithTheirCountsInTheHeaders()
    {
        var response = await _site.Client.GetAsync("/export?format=ris&county=" + Uri.EscapeDataString("高唐县"));

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^archive-export-\d{8}-\d{4}\.ris$", disposition.FileName!.Trim('"'));
        Assert.Equal(IndexVersion().ToString(), Header(response, "X-Archive-Index-Version"));
        Assert.Equal("http://localhost/search?county=%E9%AB%98%E5%94%90%E5%8E%BF", Header(response, "X-Archive-Search"));
    }

    [Theory]
    [InlineData("/api/export?format=xls")]
    [InlineData("/api/export")]
    [InlineData("/export?format=pdf&q=%E9%94%A6%E9%B2%A4")]
    [InlineData("/api/export?format=csv&fulltext=maybe")]
    public async Task ABadFormatIsAProblemThatListsTheFormats(string url)
    {
        var response = await _site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(["csv", "json", "ris"], problem.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AnExportWithNoMatchesStillCarriesItsProvenance()
    {
        var response = await _site.Client.GetAsync("/export?format=json&q=" + Uri.EscapeDataString("不存在的词语组合乙丙丁"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, json.RootElement.GetProperty("export").GetProperty("matched").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheThreeApiPaths()
    {
        var document = await _site.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/articles/{id}", paths);
        Assert.Contains("/api/export", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path));
        var article = document.GetProperty("paths").GetProperty("/api/articles/{id}").GetProperty("get");
        Assert.True(article.GetProperty("responses").GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var export = document.GetProperty("paths").GetProperty("/api/export").GetProperty("get");
        Assert.False(string.IsNullOrEmpty(export.GetProperty("summary").GetString()));
        Assert.Contains(export.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "format");
    }

    [Theory]
    [InlineData("Archive:Export:MaxArticles", "0")]
    [InlineData("Archive:Export:Newspaper", "")]
    public void AWrongExportSettingIsRefusedWithTheSettingsName(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddArchiveExport().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExportOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains(setting));
    }

    [Fact]
    public async Task FooterLinksToTheOpenApiDocument()
    {
        var page = await _site.Client.GetDocumentAsync("/");

        Assert.NotNull(page.QuerySelector("footer a[href='/openapi/v1.json']"));
    }

    private async Task<int> TotalAsync(string query) =>
        (await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(query))).GetProperty("total").GetInt32();

    private long IndexVersion() => _site.Health.GetProperty("index").GetProperty("version").GetInt64();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header");

    // Reads an export as a spreadsheet program would: comments skipped, the first other row as the header.
    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { CommentPrefix = '#' });
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        Assert.Equal(',', reader.Separator);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(header.ToDictionary(name => name, name => reader.GetString(name) ?? ""));
        return (header, rows);
    }
}
