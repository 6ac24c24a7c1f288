using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Features.Identity;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Operator commands run with the app's own configuration instead of starting the server:
/// <c>dotnet run --project src/SalesCrm.Web -- demo reset-passwords</c>, or <c>dotnet SalesCrm.Web.dll …</c> where
/// the app is published. They migrate the database (and load the shared keys) first, print to the console and exit.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Commands = ["demo", "accounts"];

    public static bool Matches(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Runs the command <paramref name="args"/> names; returns the process exit code (2 for an unknown command).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? console = null)
    {
        console ??= Console.Out;
        await using (await StartupLock.AcquireAsync(services)) await services.PrepareSharedStateAsync();
        switch (args)
        {
            case ["demo", "reset-passwords", ..]:
                return await DemoPasswords.ResetAsync(services, console);
            case ["accounts", "create-owner", ..]:
                return await OwnerAccountCommand.RunAsync(services, args, console);
            default:
                await console.WriteLineAsync("Commands: demo reset-passwords | " + OwnerAccountCommand.Usage);
                return 2;
        }
    }
}
