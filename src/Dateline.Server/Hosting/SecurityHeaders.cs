using Microsoft.AspNetCore.Http;

namespace Dateline.Server.Hosting;

/// <summary>
/// Headers on every response: a content security policy that allows the site's own style sheet
/// and no script at all (the pages need none), no MIME sniffing, no framing, no referrer leaks.
/// The API reference page runs its bundled (local) script and so gets a looser policy.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Strict = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private const string Reference = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-docs", StringComparison.Ordinal) ? Reference : Strict;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
