using SalesCrm.Core.Data;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Scores each dispatched event in the outbox's transaction (<see cref="GameBook"/>), so an award commits with the
/// event's hand-off and a crash loses none. <c>mission.completed</c> events it records are published once they commit,
/// which wakes the dispatcher to score them too.
/// </summary>
public sealed class GamificationSubscriber(ICrmEventBus bus) : IEventSubscriber
{
    private readonly Dictionary<Guid, GameBook> _books = [];
    private CrmDbContext? _batch;

    public async Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        // Each dispatcher batch has its own context: books (rules, missions, members) are read once per batch and workspace.
        if (_batch != db)
        {
            _batch = db;
            _books.Clear();
            db.SavedChanges += (_, _) =>
            {
                var completed = _books.Values.SelectMany(b => b.MissionsCompleted).ToList();
                if (completed.Count > 0) bus.Publish(completed);
            };
        }
        if (!_books.TryGetValue(e.TenantId, out var book)) _books[e.TenantId] = book = await GameBook.LoadAsync(db, e.TenantId, ct);
        await book.ApplyAsync(e, ct);
    }
}
