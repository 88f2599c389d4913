using Archive.Core.Searching;
using Archive.Web.Export;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Archive.Web.Controllers;

/// <summary>An article, with the query's matches marked when it was reached from a search.</summary>
public sealed class ArticlesController(ArticleSearcher searcher, IOptions<ExportOptions> options) : Controller
{
    [HttpGet("/articles/{id}")]
    public IActionResult Show(string id, string? q)
    {
        var article = searcher.Get(id);
        if (article is null) return NotFound();
        var terms = QueryTextParser.Parse(q).HighlightTerms.ToList();
        var permalink = $"{Request.Scheme}://{Request.Host}/articles/{Uri.EscapeDataString(article.Id)}";
        var citation = Citation.GbT7714(article, options.Value.Newspaper, permalink, DateOnly.FromDateTime(DateTime.Today));
        return View(new ArticlePageModel(article, searcher.ArticlesOfPage(article.File), searcher.Related(article), q, terms, permalink, citation));
    }
}
