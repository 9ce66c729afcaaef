using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dateline.Server.Accounts;

/// <summary>
/// Authenticates tools by API key: <c>Authorization: Bearer dl_…</c> or <c>X-Api-Key: dl_…</c>.
/// A request without a key is left to the cookie scheme; a wrong key fails.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>True when the request carries a key (and so is a tool, not a browser).</summary>
    public static bool CarriesKey(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey("X-Api-Key")
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Api-Key"].ToString();
        if (key.Length == 0 && Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = auth["Bearer ".Length..].Trim();
        }

        if (key.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = accounts.ByApiKey(key);
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var principal = new ClaimsPrincipal(Identity(user.Name, user.Role, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>The claims of an account: its name and every role it implies.</summary>
    public static ClaimsIdentity Identity(string name, string role, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        foreach (var r in Roles.Implied(role))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, r));
        }

        return identity;
    }
}
