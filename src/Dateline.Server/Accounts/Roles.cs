namespace Dateline.Server.Accounts;

/// <summary>
/// The three roles, each including the one before: a reader reads and comments, an analyst also
/// ingests and corrects, an admin also manages accounts.
/// </summary>
public static class Roles
{
    /// <summary>Reads everything, comments.</summary>
    public const string Reader = "reader";

    /// <summary>Also ingests articles and corrects extractions.</summary>
    public const string Analyst = "analyst";

    /// <summary>Also manages accounts.</summary>
    public const string Admin = "admin";

    /// <summary>The roles, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Analyst, Admin];

    /// <summary>True for a known role name.</summary>
    public static bool IsKnown(string? role) => role is Reader or Analyst or Admin;

    /// <summary>The role claims an account of <paramref name="role"/> holds: its own and every lower one.</summary>
    public static IEnumerable<string> Implied(string role) => All.Take(Rank(role) + 1);

    private static int Rank(string role) => role switch
    {
        Admin => 2,
        Analyst => 1,
        _ => 0,
    };
}

/// <summary>The authorization policies the endpoints and pages name.</summary>
public static class Policies
{
    /// <summary>Read the store: any account, or anyone when the server is public.</summary>
    public const string Read = "read";

    /// <summary>Comment: any signed-in account.</summary>
    public const string Comment = "comment";

    /// <summary>Ingest and correct: analysts and admins.</summary>
    public const string Write = "write";

    /// <summary>Writes through the API: an analyst's API key (never a browser cookie, so no cross-site request can write).</summary>
    public const string ApiWrite = "api-write";

    /// <summary>Comments through the API: any account's API key.</summary>
    public const string ApiComment = "api-comment";
}
