using System.CommandLine;
using Dateline.Cli.Commands.Store;
using Dateline.Server;
using Dateline.Server.Accounts;
using Dateline.Server.Hosting;
using Dateline.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dateline.Cli.Commands.Serve;

/// <summary><c>dateline serve</c> (the HTTP API and web UI) and <c>dateline users add</c>.</summary>
internal static class ServeCommands
{
    /// <summary>The store <c>serve --demo</c> uses when no --db is given.</summary>
    public const string DemoStore = "dateline-demo.db";

    public static void AddTo(RootCommand root)
    {
        root.Add(Serve());
        root.Add(Users());
        root.Add(ServerBenchCommand.Create());
    }

    private static Command Serve()
    {
        var db = StoreOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var publicRead = new Option<bool>("--public-read") { Description = "Let anyone read and use POST /api/analyze without signing in (never write)." };
        var demo = new Option<bool>("--demo") { Description = $"Serve a demo store ({DemoStore} unless --db is given) holding the project's samples/*.txt articles." };
        var samples = new Option<string>("--samples") { Description = "The folder of sample articles for --demo.", DefaultValueFactory = _ => "samples" };
        var rate = new Option<int>("--rate-limit") { Description = "API requests per minute per client address (0: no limit).", DefaultValueFactory = _ => 600 };
        var command = new Command("serve", "Serve the HTTP API and the web UI over a store.") { db, urls, publicRead, demo, samples, rate };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var location = parse.GetValue(db) ?? (parse.GetValue(demo) ? DemoStore : null);
            WebApplication app;
            try
            {
                app = DatelineServer.Build(new ServerOptions
                {
                    Db = location,
                    Urls = parse.GetValue(urls)!,
                    PublicRead = parse.GetValue(publicRead),
                    RateLimitPerMinute = parse.GetValue(rate),
                });
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine($"dateline: {ex.Message}");
                return StoreOptions.StoreErrorExit;
            }

            await using (app.ConfigureAwait(false))
            {
                var stores = (StorePool)app.Services.GetService(typeof(StorePool))!;
                if (parse.GetValue(demo))
                {
                    var stored = Setup.IngestSamplesIfEmpty(stores, parse.GetValue(samples)!, cancellationToken);
                    if (stored > 0)
                    {
                        Console.WriteLine($"Demo: analysed and stored {stored} sample articles from {Path.GetFullPath(parse.GetValue(samples)!)}");
                    }
                }

                var credentials = CredentialsPath(stores);
                var admin = Setup.EnsureFirstAdmin((AccountService)app.Services.GetService(typeof(AccountService))!, credentials);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Dateline is serving {string.Join(", ", app.Urls)} (store: {stores.Description}, {stores.Use(s => s.Stats().Articles):N0} articles)");
                Console.WriteLine(admin is not null
                    ? $"First admin: account 'admin', password and API key written to {credentials}"
                    : $"Sign in with an account (dateline users add NAME --role admin creates one)");
                Console.WriteLine("Press Ctrl+C to stop.");
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Users()
    {
        var name = new Argument<string>("name") { Description = "The account name." };
        var role = new Option<string>("--role") { Description = "reader, analyst or admin.", DefaultValueFactory = _ => Roles.Reader };
        var db = StoreOptions.Db();
        var output = new Option<string?>("--output", "-o") { Description = "Write the password and API key to this file (owner-readable) instead of printing them." };
        var add = new Command("add", "Create an account (or reset one's password and key) and show its password and API key once.") { name, role, db, output };
        add.SetAction(parse =>
        {
            StorePool stores;
            try
            {
                stores = new StorePool(parse.GetValue(db));
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine($"dateline: {ex.Message}");
                return StoreOptions.StoreErrorExit;
            }

            using (stores)
            {
                NewAccount account;
                try
                {
                    account = new AccountService(stores, TimeProvider.System).Create(parse.GetValue(name)!, parse.GetValue(role)!);
                }
                catch (ArgumentException ex)
                {
                    Console.Error.WriteLine($"dateline: {ex.Message.Split(" (Parameter", 2)[0]}");
                    return Program.InputErrorExit;
                }

                if (parse.GetValue(output) is { } path)
                {
                    Setup.WriteCredentials(account, path);
                    Console.WriteLine($"Account '{account.Name}' ({account.Role}): password and API key written to {Path.GetFullPath(path)}");
                }
                else
                {
                    Console.WriteLine($"name: {account.Name}\nrole: {account.Role}\npassword: {account.Password}\napi-key: {account.ApiKey}");
                }
            }

            return 0;
        });
        return new Command("users", "Manage the server's accounts.") { add };
    }

    /// <summary>Beside an SQLite store; in the working folder for a PostgreSQL one.</summary>
    private static string CredentialsPath(StorePool stores) =>
        Path.GetFullPath(stores.Kind == "sqlite"
            ? Path.Combine(Path.GetDirectoryName(stores.Description) ?? ".", "dateline-admin.txt")
            : "dateline-admin.txt");
}
