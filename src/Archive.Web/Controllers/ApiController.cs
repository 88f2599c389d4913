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
    public ActionResult<ApiSearchResponse> Search([FromQuery] SearchParameters parameters)
    {
        var problems = new List<string>();
        var result = searcher.Search(parameters.ToRequest(problems));
        var messages = result.Message is null ? problems : problems.Append(result.Message);
        return ApiSearchResponse.From(result, messages, id => Url.Action(nameof(ArticlesController.Show), "Articles", new { id })!);
    }

    /// <summary>One article, whole.</summary>
    [HttpGet("articles/{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<Article> Article(string id) =>
        searcher.Get(id) is { } article
            ? article
            : Problem(title: "Article not found", detail: $"No article has the id “{id}”.", statusCode: StatusCodes.Status404NotFound);
}
