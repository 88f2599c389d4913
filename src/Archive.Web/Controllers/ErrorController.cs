using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Archive.Web.Controllers;

/// <summary>Error pages: no stack traces for users, a trace id the log also has.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error/{status:int?}")]
    public IActionResult Index(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        var traceId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            // API clients get ProblemDetails, not an HTML page.
            var problem = Problem(statusCode: code, title: ReasonPhrases.GetReasonPhrase(code));
            return problem;
        }
        ViewData["TraceId"] = traceId;
        Response.StatusCode = code;
        return View("Error", code);
    }
}
