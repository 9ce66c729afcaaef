using System.Text;
using Dateline.Extraction;
using Dateline.Model;
using Dateline.Server.Accounts;
using Dateline.Store;

namespace Dateline.Server.Hosting;

/// <summary>What a server does once before it serves: sample articles for a demo, the first admin.</summary>
public static class Setup
{
    /// <summary>
    /// Analyses and stores every <c>*.txt</c> article in <paramref name="folder"/> when the store
    /// holds no article yet; returns how many were stored.
    /// </summary>
    public static int IngestSamplesIfEmpty(StorePool stores, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        if (stores.Use(s => s.Stats().Articles) > 0 || !Directory.Exists(folder))
        {
            return 0;
        }

        var documents = new List<Document>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var read = ArticleReader.Default.Read(File.ReadAllBytes(path), new SourceInfo("file", Path.GetFileName(path), null));
            if (read.Value is { } document)
            {
                documents.Add(Pipeline.Default.Analyze(document, cancellationToken));
            }
        }

        return stores.Use(s => s.Write(documents, cancellationToken)).Count(o => o.Status == WriteStatus.Stored);
    }

    /// <summary>
    /// Creates the first admin when the store has no account, and writes its password and API key
    /// to <paramref name="credentialsPath"/> (readable by the owner only); returns the account, or
    /// null when accounts exist.
    /// </summary>
    public static NewAccount? EnsureFirstAdmin(AccountService accounts, string credentialsPath)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count() > 0)
        {
            return null;
        }

        var admin = accounts.Create("admin", Roles.Admin);
        WriteCredentials(admin, credentialsPath);
        return admin;
    }

    /// <summary>Writes an account's secrets to a file only its owner can read.</summary>
    public static void WriteCredentials(NewAccount account, string path)
    {
        ArgumentNullException.ThrowIfNull(account);
        var text = new StringBuilder()
            .Append("# Dateline account (shown once; only hashes are stored)\n")
            .Append("name: ").Append(account.Name).Append('\n')
            .Append("role: ").Append(account.Role).Append('\n')
            .Append("password: ").Append(account.Password).Append('\n')
            .Append("api-key: ").Append(account.ApiKey).Append('\n')
            .ToString();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
