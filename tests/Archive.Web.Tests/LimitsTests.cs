using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Archive.Web.Tests;

/// <summary>The request limits that protect the index (query length, page depth, page size) answer with a message that says the limit.</summary>
public sealed class LimitsTests(HostileSite site) : IClassFixture<HostileSite>
{
    [Fact]
    public async Task AnOverlongQueryIsExplainedWithTheLimitOnThePageAndInTheApi()
    {
        var query = Uri.EscapeDataString(new string('聊', 1001));
        var page = await site.Client.GetDocumentAsync("/search?q=" + query);
        var api = await site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=" + query);

        Assert.Contains("检索式过长（1001 字），最多 1000 字", page.QuerySelector(".notice")!.TextContent);
        Assert.Contains(api.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("最多 1000 字"));
        Assert.Equal(0, api.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PagingBeyondTheDepthLimitIsExplained()
    {
        var page = await site.Client.GetDocumentAsync("/search?page=101&size=100");
        var api = await site.Client.GetFromJsonAsync<JsonElement>("/api/search?page=10001&size=1");

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        Assert.Contains("结果只能翻到第 10000 条", page.QuerySelector(".notice")!.TextContent);
        Assert.Contains(api.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("结果只能翻到第 10000 条"));
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public async Task APageSizeOutsideTheLimitIsExplainedAndTheDefaultUsed(string size)
    {
        var page = await site.Client.GetDocumentAsync("/search?size=" + size);
        var api = await site.Client.GetFromJsonAsync<JsonElement>("/api/search?size=" + size);

        Assert.Contains($"参数 size=“{size}”无效（应为 1–100 的整数），已使用 20", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal(20, api.GetProperty("hits").GetArrayLength());
        Assert.Contains(api.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("1–100"));
    }
}
