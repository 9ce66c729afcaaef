using System.Threading.RateLimiting;
using Dateline.Server.Accounts;
using Dateline.Server.Api;
using Dateline.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Dateline.Server;

/// <summary>
/// Builds the web application: the API under <c>/api</c>, the pages, accounts, limits and
/// headers, over one store. The whole composition is in this file.
/// </summary>
public static class DatelineServer
{
    /// <summary>The rate limiter policy of the API.</summary>
    internal const string ApiRate = "api";

    /// <summary>Builds (does not start) the application.</summary>
    /// <exception cref="Dateline.Store.StoreException">The store cannot be opened.</exception>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DatelineServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxRequestBytes);

        builder.Logging.ClearProviders();
        if (options.RequestLogs)
        {
            builder.Logging.AddJsonConsole(j => j.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter(RequestLog.Category, LogLevel.Information);
        }

        var stores = new StorePool(options.Db);

        // Sign-in cookies outlive a restart: the keys that protect them are kept beside an SQLite
        // store (a PostgreSQL server keeps them in the user's profile, ASP.NET Core's default).
        if (stores.Kind == "sqlite" && Path.GetDirectoryName(stores.Description) is { Length: > 0 } folder)
        {
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "dateline-keys")));
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<Annotations>();
        builder.Services.AddSingleton<AnalysisGate>();

        // Pages asked for by URL are fetched politely and never from private addresses (checked
        // after DNS resolution and on every redirect); a slow site costs one request its time only.
        builder.Services.AddSingleton(_ => new Dateline.Sources.ArticleFetcher(new Dateline.Sources.FetchOptions { Timeout = TimeSpan.FromSeconds(15) }));
        builder.Services.AddProblemDetails();

        builder.Services.AddAuthentication(a =>
            {
                a.DefaultScheme = "auto";
                a.DefaultChallengeScheme = "auto";
            })
            .AddPolicyScheme("auto", "API key or cookie", p => p.ForwardDefaultSelector = context =>
                ApiKeyHandler.CarriesKey(context.Request) ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddCookie(c =>
            {
                c.LoginPath = "/login";
                c.LogoutPath = "/logout";
                c.AccessDeniedPath = "/denied";
                c.Cookie.Name = "dateline.auth";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromHours(12);
                c.SlidingExpiration = true;
                // The API answers 401/403 with problem details; only pages redirect to the login form.
                c.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                c.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAssertion(c => options.PublicRead || c.User.Identity?.IsAuthenticated == true))
            .AddPolicy(Policies.Comment, p => p.RequireRole(Roles.Reader))
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.Analyst))
            .AddPolicy(Policies.ApiWrite, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireRole(Roles.Analyst))
            .AddPolicy(Policies.ApiComment, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireRole(Roles.Reader));

        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(ApiRate, context => options.RateLimitPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("all")
                : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(10, options.RateLimitPerMinute / 6),
                    TokensPerPeriod = Math.Max(1, options.RateLimitPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                }));
        });

        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dateline API";
            document.Info.Description = "Articles analysed into entities, quotes, TIMEX3 dates, CAMEO events and figures (contract: dateline.document/1), with comments and corrections.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorPages(p =>
            {
                p.Conventions.AuthorizeFolder("/", Policies.Read);
                p.Conventions.AllowAnonymousToPage("/Login");
                p.Conventions.AllowAnonymousToPage("/Denied");
            })
            .AddApplicationPart(typeof(DatelineServer).Assembly);
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "dateline.csrf";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.FormFieldName = "__csrf";
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(stores.Dispose);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        if (options.RequestLogs)
        {
            app.UseMiddleware<RequestLog>();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapGet("/health", (StorePool pool) => Results.Ok(new Health("ok", pool.Kind, pool.Use(s => s.Stats().Articles))))
            .WithName("Health").WithSummary("Liveness and the store's article count.").AllowAnonymous();
        app.MapGet("/site.css", StaticAssets.Css).ExcludeFromDescription().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", s => s.WithTitle("Dateline API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        ApiEndpoints.Map(app.MapGroup("/api").RequireRateLimiting(ApiRate));
        // Pages share the per-address limit: it also slows password guessing at the sign-in form.
        app.MapRazorPages().RequireRateLimiting(ApiRate);
        return app;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Results.Problem(statusCode: status, title: status == 401 ? "Sign in or send an API key" : "Your role does not allow this")
                .ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The answer of <c>GET /health</c>.</summary>
public sealed record Health(string Status, string Store, long Articles);
