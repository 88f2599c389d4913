namespace Archive.Web.Security;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows only the site's own scripts, styles and
/// images (no inline script or style anywhere), no framing, no MIME sniffing, a referrer that leaves no query string on
/// other sites, and no powerful browser features. HSTS is added separately (<c>UseHsts</c>, outside Development).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy. <c>data:</c> images only because browsers use them for form controls' icons.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
        "base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The site uses none of these features; denying them means an injected frame or script cannot either. Only features
    /// every current browser knows: an unknown one is a console error in Chromium.
    /// </summary>
    public const string PermissionsPolicy =
        "camera=(), geolocation=(), microphone=(), payment=(), usb=()";

    /// <summary>Adds the headers to every response of the pipeline after this point, error pages included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, not now: the exception handler clears the headers of a failed response
        // before it writes the error page, and that page needs them as much as any other.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // frame-ancestors supersedes it; kept for browsers that predate CSP level 2.
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
