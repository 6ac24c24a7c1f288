using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>
/// Password accounts through ASP.NET Core Identity's <see cref="UserManager{TUser}"/> (policy, hashing, lockout).
/// Each call runs in its own scope so a long-lived Blazor circuit never shares a context across operations.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<AppUser> CreateAsync(string email, string name, string password, CancellationToken ct = default)
    {
        new Validator().Email("email", email).Require("name", name, 120).Password("password", password).ThrowIfInvalid();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not null)
            throw new ConflictException("An account with this email already exists.");
        var user = new AppUser { Email = email.Trim(), UserName = email.Trim(), Name = name.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw ToValidation(result);
        return user;
    }

    public async Task<AppUser?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email.Trim());
    }

    public async Task<AppUser?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>Checks a password, counting failures towards lockout (5 failures lock the account).</summary>
    public async Task<AppUser> CheckPasswordAsync(string email, string password, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) throw new UnauthorizedException("Invalid email or password.");
        if (await users.IsLockedOutAsync(user)) throw new UnauthorizedException("Account locked after repeated failures; try again later.");
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new UnauthorizedException(await users.IsLockedOutAsync(user)
                ? "Account locked after repeated failures; try again later."
                : "Invalid email or password.");
        }
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    public async Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) throw ToValidation(result, "new_password");
    }

    /// <summary>
    /// Sets a new password without the current one (an operator's reset from the server console), lifts any lockout
    /// and changes the security stamp and revokes the user's refresh tokens, so sessions opened with the old password end.
    /// </summary>
    /// <exception cref="NotFoundException">No such user.</exception>
    /// <exception cref="ValidationException">The password does not meet the policy.</exception>
    public async Task ResetPasswordAsync(Guid userId, string newPassword, CancellationToken ct = default)
    {
        new Validator().Password("password", newPassword).ThrowIfInvalid();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);
        if (await users.HasPasswordAsync(user))
        {
            var removed = await users.RemovePasswordAsync(user);
            if (!removed.Succeeded) throw ToValidation(removed);
        }
        var added = await users.AddPasswordAsync(user, newPassword);
        if (!added.Succeeded) throw ToValidation(added);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Data.CrmDbContext>>().CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
    }

    public async Task SetLastTenantAsync(Guid userId, Guid tenantId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.LastTenantId == tenantId) return;
        user.LastTenantId = tenantId;
        await users.UpdateAsync(user);
    }

    internal static ValidationException ToValidation(IdentityResult result, string passwordField = "password")
    {
        var errors = new Validator();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => "email",
                _ => "account",
            };
            errors.Add(field, error.Description);
        }
        return errors.ToException();
    }
}
