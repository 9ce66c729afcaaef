using Dateline.Server.Accounts;
using Dateline.Server.Hosting;

namespace Dateline.Server.Tests.Api;

public sealed class SetupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dateline-setup-tests", Guid.NewGuid().ToString("N"));

    public SetupTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_demo_ingests_the_samples_into_an_empty_store_only()
    {
        using var stores = new StorePool(Path.Combine(folder, "demo.db"));
        var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
        var stored = Setup.IngestSamplesIfEmpty(stores, samples);
        Assert.Equal(Directory.GetFiles(samples, "*.txt").Length, stored);
        Assert.Equal(0, Setup.IngestSamplesIfEmpty(stores, samples));
    }

    [Fact]
    public void The_first_admin_is_created_once_with_owner_only_credentials_that_sign_in()
    {
        using var stores = new StorePool(Path.Combine(folder, "accounts.db"));
        var accounts = new AccountService(stores, TimeProvider.System);
        var path = Path.Combine(folder, "dateline-admin.txt");
        var admin = Setup.EnsureFirstAdmin(accounts, path);
        Assert.NotNull(admin);
        Assert.Null(Setup.EnsureFirstAdmin(accounts, path));
        var lines = File.ReadAllLines(path);
        Assert.Contains("role: admin", lines);
        Assert.Contains("password: " + admin.Password, lines);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(Roles.Admin, accounts.SignIn("admin", admin.Password)?.Role);
        Assert.Null(accounts.SignIn("admin", admin.Password + "x"));
        Assert.Null(accounts.SignIn("nobody", admin.Password));
        Assert.Equal("admin", accounts.ByApiKey(admin.ApiKey)?.Name);
    }

    [Theory]
    [InlineData("", "reader")]
    [InlineData("two words", "reader")]
    [InlineData("ana", "owner")]
    public void An_account_needs_a_plain_name_and_a_known_role(string name, string role)
    {
        using var stores = new StorePool(Path.Combine(folder, "bad.db"));
        Assert.Throws<ArgumentException>(() => new AccountService(stores, TimeProvider.System).Create(name, role));
    }
}
