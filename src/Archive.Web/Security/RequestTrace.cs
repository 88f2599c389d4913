using System.Diagnostics;

namespace Archive.Web.Security;

/// <summary>
/// The id a user can quote when something went wrong. It is the W3C trace id of the request's activity, which Serilog
/// also writes with every event of the request (<c>@tr</c> in the JSON log, <c>{TraceId}</c> in the request line), so
/// one id finds the request's log lines.
/// </summary>
public static class RequestTrace
{
    /// <summary>The current request's trace id (32 hex digits), or the connection's request id without an activity.</summary>
    public static string Id(HttpContext context) =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
}
