using Archive.Core.Articles;
using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The JSON API: search and articles. Errors are ProblemDetails.</summary>
[ApiController]
[Route("api")]
public sealed class ApiController(ArticleSearcher searcher) : ControllerBase
{
    [HttpGet("search")]
    public ActionResult<ApiSearchResponse> Search(string? q, int page = 1, int size = SearchRequest.DefaultSize)
    {
        var result = searcher.Search(new SearchRequest(q, page, size));
        return ApiSearchResponse.From(result, id => Url.Action(nameof(ArticlesController.Show), "Articles", new { id })!);
    }

    [HttpGet("articles/{id}")]
    public ActionResult<Article> Article(string id) =>
        searcher.Get(id) is { } article
            ? article
            : Problem(title: "Article not found", detail: $"No article has the id “{id}”.", statusCode: StatusCodes.Status404NotFound);
}
