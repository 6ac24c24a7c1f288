using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// <c>accounts create-owner --email … --name … --workspace …</c>: creates an account and a workspace it owns from the
/// server console, with a random password printed once. It is how the first person gets in where self-registration
/// is off (the Docker image) — the command needs the server, so it is not an open door.
/// </summary>
public static class OwnerAccountCommand
{
    public const string Usage = "accounts create-owner --email <email> --name <full name> --workspace <workspace name>";

    /// <summary>Returns the exit code: 0 when created, 2 for missing or invalid options or an e-mail already in use.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter console, CancellationToken ct = default)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var (email, name, workspace) = (Option("--email"), Option("--name"), Option("--workspace"));
        if (email is null || name is null || workspace is null)
        {
            await console.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var password = DemoWorkspace.NewPassword();
        try
        {
            var (user, tenant) = await scope.ServiceProvider.GetRequiredService<AuthService>().CreateAccountAsync(email, password, name, workspace, ct);
            await DemoPasswords.PrintAsync(console, $"Workspace '{tenant.Name}' created; its owner's password is shown only once (change it after signing in):",
                [new(SystemRoles.Owner, user.Email!, password)]);
            return 0;
        }
        catch (DomainException e)
        {
            var fields = e is ValidationException v ? v.Errors.Select(x => $" {x.Key}: {string.Join(" ", x.Value)}") : [];
            await console.WriteLineAsync($"Not created: {e.Message}{string.Concat(fields)}");
            return 2;
        }
    }
}
