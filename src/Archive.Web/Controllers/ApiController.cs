using Archive.Core.Articles;
using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The JSON API: search (the same parameters as the search page) and articles. Errors are ProblemDetails.</summary>
[ApiController]
[Route("api")]
public sealed class ApiController(ArticleSearcher searcher) : ControllerBase
{
    /// <summary>Searches the archive: hits of one page, facet counts over all matches, and the histogram.</summary>
    [HttpGet("search")]
    [EndpointSummary("检索文章")]
    [EndpointDescription("参数与检索页相同：q、county、reporter、correspondent、kind、year、month（筛选参数可重复，同一筛选内为“或”，不同筛选间为“且”）、" +
        "from、to（yyyy-MM-dd）、within、sort（relevance|newest|oldest）、page、size（1–100）。返回 total、当前页的 hits（snippet 为 HTML，匹配处以 <mark> 标出）、" +
        "基于全部匹配文章的 facets 与 histogram。无法识别的参数被忽略，并在 messages 中说明。")]
    [ProducesResponseType<ApiSearchResponse>(StatusCodes.Status200OK, "application/json")]
    public ActionResult<ApiSearchResponse> Search([FromQuery] SearchParameters parameters)
    {
        var problems = new List<string>();
        var result = searcher.Search(parameters.ToRequest(problems));
        var messages = result.Message is null ? problems : problems.Append(result.Message);
        return ApiSearchResponse.From(result, messages, id => Url.Action(nameof(ArticlesController.Show), "Articles", new { id })!);
    }

    /// <summary>One article, whole.</summary>
    [HttpGet("articles/{id}")]
    [EndpointSummary("读取一篇文章")]
    [EndpointDescription("按 id（如 000_d24397091c98040d-03）返回整篇文章：标题、副题、体裁、日期、区县、署名与正文。找不到时返回 404 ProblemDetails。")]
    [ProducesResponseType<Article>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ActionResult<Article> Article(string id) =>
        searcher.Get(id) is { } article
            ? article
            : Problem(title: "Article not found", detail: $"No article has the id “{id}”.", statusCode: StatusCodes.Status404NotFound);
}
