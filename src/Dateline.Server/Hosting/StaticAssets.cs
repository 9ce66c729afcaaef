using Microsoft.AspNetCore.Http;

namespace Dateline.Server.Hosting;

/// <summary>The embedded style sheet, served with a long cache lifetime (its URL carries a version).</summary>
internal static class StaticAssets
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("Dateline.Server.wwwroot.site.css")
            ?? throw new InvalidOperationException("the embedded site.css is missing (a build problem)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Css(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
    }
}
