using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Archive.Web.Security;

/// <summary>
/// Guards an admin action: 404 when no admin key is configured (the action does not exist), 401 without a key,
/// 403 with a wrong one. The key comes in the <c>X-Archive-Admin-Key</c> header; read-only pages may also take it as
/// <c>?key=</c> (<see cref="AllowQueryKey"/>) so that an operator can open them in a browser.
/// </summary>
/// <remarks>
/// State-changing actions accept the header only. A browser sends a custom header cross-site only after a CORS
/// preflight this site never grants, so a link or a form on another site cannot trigger them: no antiforgery token or
/// session is needed. A key in a URL can leak through history and proxy logs, which is why it is accepted only for
/// reading, the response is not cached and sends no referrer, and the request log records the path without the query.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed partial class AdminKeyAttribute : Attribute, IAuthorizationFilter
{
    /// <summary>Also accept the key as <c>?key=</c>; for pages that only read.</summary>
    public bool AllowQueryKey { get; init; }

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!options.Enabled)
        {
            context.Result = new NotFoundResult();
            return;
        }

        // Admin responses carry the key's effects (and, for ?key=, the key in the address): keep them out of caches and referrers.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";

        string? presented = http.Request.Headers[AdminOptions.KeyHeader];
        if (string.IsNullOrEmpty(presented) && AllowQueryKey) presented = http.Request.Query["key"];
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminKeyAttribute).FullName!);
        if (string.IsNullOrEmpty(presented))
        {
            context.Result = Refusal(StatusCodes.Status401Unauthorized, "需要管理密钥",
                $"管理功能需要在请求头 {AdminOptions.KeyHeader} 中提供管理密钥（Archive:Admin:Key）。", http);
            return;
        }
        if (!Matches(presented, options.Key!))
        {
            LogWrongKey(logger, http.Request.Path.Value ?? "", http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Result = Refusal(StatusCodes.Status403Forbidden, "管理密钥不正确", "提供的管理密钥不正确。", http);
        }
    }

    /// <summary>
    /// Compares in constant time. Hashing first makes both sides the same length, so neither the position of the first
    /// difference nor the key's length shows in the time taken.
    /// </summary>
    internal static bool Matches(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ObjectResult Refusal(int status, string title, string detail, HttpContext http) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["traceId"] = RequestTrace.Id(http) } })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrong admin key for {Path} from {ClientIp}")]
    private static partial void LogWrongKey(ILogger logger, string path, string clientIp);
}
