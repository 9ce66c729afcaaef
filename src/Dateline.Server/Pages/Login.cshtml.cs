using System.Security.Claims;
using Dateline.Server.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Server.Pages;

/// <summary>The sign-in form: checks the password, then sets the session cookie.</summary>
public sealed class LoginModel(AccountService accounts) : PageModel
{
    /// <summary>The name typed, kept on a failed attempt.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Signs in.</summary>
    public async Task<IActionResult> OnPostAsync(string password)
    {
        var user = Name is null || password is null ? null : accounts.SignIn(Name, password);
        if (user is null)
        {
            Error = "Unknown account or wrong password.";
            return Page();
        }

        var principal = new ClaimsPrincipal(ApiKeyHandler.Identity(user.Name, user.Role, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
