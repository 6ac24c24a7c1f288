using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Common;

/// <summary>
/// A small bounded retry around a unit of work that touches a lead the caller did not pin to a version (a note, a
/// completed activity): two reps, or a WhatsApp message and a note, writing the same lead at once collide on its
/// version token, and the loser simply runs again on a fresh context. Writes the caller pinned with an expected
/// version are not retried: their conflict is the 409 the caller asked for.
/// </summary>
public static class ConcurrencyRetry
{
    /// <summary>
    /// Attempts before the conflict is given up as a 409. Each loser of a round runs again and at least one wins per
    /// round, so N writers of one lead at the same instant need up to N rounds: 25 covers the 20 parallel sends the suite
    /// makes on a loaded 2-core machine (12 left one of them a 409 there).
    /// </summary>
    public const int Attempts = 25;

    /// <summary>
    /// Runs <paramref name="work"/>, which must open its own context and have no effect outside it until it saves, again
    /// after a short random pause when its save loses a version race; the last loss is a <see cref="ConflictException"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Jitter spreads the losers so they do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt, 10)), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("The lead is being changed by others right now; try again.");
            }
        }
    }
}
