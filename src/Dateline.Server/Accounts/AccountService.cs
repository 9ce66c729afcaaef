using System.Security.Cryptography;
using Dateline.Server.Hosting;
using Dateline.Store.Annotations;
using Microsoft.AspNetCore.Identity;

namespace Dateline.Server.Accounts;

/// <summary>A new account's secrets, shown once: only their hashes are stored.</summary>
public sealed record NewAccount(string Name, string Role, string Password, string ApiKey);

/// <summary>
/// Accounts over the store's users table: ASP.NET Core Identity's password hasher (PBKDF2 with a
/// per-password salt, versioned format) for passwords, SHA-256 for API keys (random 256-bit keys
/// need no slow hash, and a hash lookup finds the account in one indexed query).
/// </summary>
/// <remarks>
/// Identity's <c>UserManager</c> and its EF Core stores are not used: the store is ADO.NET on two
/// databases, and the account rules here are three (hash, verify, role), so a second data layer
/// with its own migrations for each database would cost more than it gives.
/// </remarks>
public sealed class AccountService(StorePool stores, TimeProvider clock)
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Creates (or resets) an account with a generated password and API key.</summary>
    /// <exception cref="ArgumentException">The name is empty or has spaces, or the role is unknown.</exception>
    public NewAccount Create(string name, string role)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 64 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("an account name is 1 to 64 characters without spaces", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"unknown role '{role}' (reader, analyst or admin)", nameof(role));
        }

        var password = Secret(18);
        var apiKey = "dl_" + Secret(32);
        var created = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        stores.Use(s =>
        {
            s.SaveUser(new UserRecord(name, role, Hasher.HashPassword(name, password), HashKey(apiKey), created));
            return 0;
        });
        return new NewAccount(name, role, password, apiKey);
    }

    /// <summary>The account when the password is right, else null (unknown names and wrong passwords look alike).</summary>
    public UserRecord? SignIn(string name, string password)
    {
        var user = stores.Use(s => s.FindUser(name));
        if (user is null)
        {
            // Spend the same time as a real check, so a name's existence does not show in timing.
            Hasher.VerifyHashedPassword(name, DummyHash.Value, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(name, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>The account holding this API key, or null.</summary>
    public UserRecord? ByApiKey(string apiKey) => stores.Use(s => s.FindUserByApiKey(HashKey(apiKey)));

    /// <summary>How many accounts exist.</summary>
    public int Count() => stores.Use(s => s.UserCount());

    /// <summary>The stored form of an API key: SHA-256, lowercase hex.</summary>
    public static string HashKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)));

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", Secret(18)));

    private static string Secret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
