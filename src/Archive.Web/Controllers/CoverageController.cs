using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The county × month coverage matrix, for editors looking for places that went unreported.</summary>
public sealed class CoverageController(ArchiveBrowser browser) : Controller
{
    [HttpGet("/coverage")]
    public IActionResult Index(string? from, string? to)
    {
        var problems = new List<string>();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var grid = new CoverageGrid(browser.Coverage(), CountyDirectory.Default.Names, from, to, today, problems);
        return View(new CoveragePageModel(grid, problems));
    }
}
