using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dateline.Server.Hosting;

/// <summary>One structured log line per request: method, path, status, time, account.</summary>
public sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers)
{
    /// <summary>The log category, so hosts can turn these lines on or off.</summary>
    public const string Category = "Dateline.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    /// <summary>Runs the request and logs it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var path = context.Request.Path.Value ?? "";
            var user = context.User.Identity?.Name ?? "-";
            Served(logger, context.Request.Method, path, context.Response.StatusCode, elapsed, user);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0} ms {User}")]
    private static partial void Served(ILogger logger, string method, string path, int status, double elapsedMs, string user);
}
