using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Common;

/// <summary>
/// Remembers writes sent with an <c>Idempotency-Key</c> (IETF draft <c>httpapi-idempotency-key-header</c>, Stripe's
/// model): the first request claims the key, its successful answer is stored, and a retry with the same key and the
/// same request replays that answer. Failed answers are not stored, so a client may retry with the same key.
/// </summary>
public sealed partial class IdempotencyStore(IDbContextFactory<CrmDbContext> dbFactory, ICurrentUser user, TimeProvider time)
{
    /// <summary>How long a key and its answer are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim older than this whose request never finished (the process stopped) may be taken over.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public const int MaxKeyLength = 200;

    /// <summary>
    /// Claims <paramref name="key"/> for this request, or returns the stored answer of the same earlier request.
    /// Throws <see cref="ValidationException"/> for a malformed key, and <see cref="ConflictException"/> with
    /// <see cref="ErrorCodes.IdempotencyKeyReused"/> when the key was used for a different request, or
    /// <see cref="ErrorCodes.IdempotencyKeyInProgress"/> while the first request with it is still running.
    /// </summary>
    public async Task<IdempotencyOutcome> BeginAsync(string key, string fingerprint, CancellationToken ct = default)
    {
        if (key.Length is 0 or > MaxKeyLength || !KeyPattern().IsMatch(key))
            throw new ValidationException("Idempotency-Key", $"must be 1 to {MaxKeyLength} printable ASCII characters.");
        var (tenantId, callerId) = Caller();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotentRequests.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var stored = await db.IdempotentRequests.FirstOrDefaultAsync(r => r.CallerId == callerId && r.Key == key, ct);
        if (stored is null)
        {
            db.IdempotentRequests.Add(new IdempotentRequest { TenantId = tenantId, CallerId = callerId, Key = key, Fingerprint = fingerprint, CreatedAt = now, ExpiresAt = now + Retention });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { throw InProgress(); }
            return IdempotencyOutcome.Run;
        }
        if (stored.Fingerprint != fingerprint)
            throw new ConflictException("This Idempotency-Key was already used for a different request.", ErrorCodes.IdempotencyKeyReused);
        if (stored.StatusCode is not null) return new IdempotencyOutcome(stored);
        if (stored.CreatedAt > now - Abandoned) throw InProgress();
        stored.CreatedAt = now;
        stored.ExpiresAt = now + Retention;
        await db.SaveChangesAsync(ct);
        return IdempotencyOutcome.Run;
    }

    /// <summary>Stores the answer of the request that claimed <paramref name="key"/>; <paramref name="headers"/> is a JSON object.</summary>
    public async Task CompleteAsync(string key, int statusCode, string headers, string body, CancellationToken ct = default)
    {
        var (_, callerId) = Caller();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotentRequests.Where(r => r.CallerId == callerId && r.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ResponseHeaders, headers).SetProperty(r => r.ResponseBody, body), ct);
    }

    /// <summary>Releases the claim of a request that failed, so the client may retry with the same key.</summary>
    public async Task ReleaseAsync(string key, CancellationToken ct = default)
    {
        var (_, callerId) = Caller();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotentRequests.Where(r => r.CallerId == callerId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(ct);
    }

    private (Guid TenantId, Guid CallerId) Caller() =>
        (user.RequireTenant(), user.UserId ?? user.ApiKeyId ?? throw new UnauthorizedException());

    private static ConflictException InProgress() =>
        new("A request with this Idempotency-Key is still being processed; retry shortly.", ErrorCodes.IdempotencyKeyInProgress);

    [GeneratedRegex("^[\\x21-\\x7E]+$")]
    private static partial Regex KeyPattern();
}
