using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Inbox.Storage;

namespace SalesCrm.Core.Tests.Inbox.Storage;

public sealed class InboxJournalTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salescrm-journal-tests", Guid.NewGuid().ToString("N"));
    private string Journal => Path.Combine(_folder, "journal");
    private TestDb _db = null!;
    private readonly InboxSignal _signal = new();
    private int _notified;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _db = await TestDb.CreateAsync(Path.Combine(_folder, "crm.db"));
        _signal.Notified += () => Interlocked.Increment(ref _notified);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private InboxJournal Open(long segmentBytes = 8 * 1024 * 1024)
    {
        var services = new ServiceCollection().AddScoped(_ => _db.FactoryFor(FixedCurrentUser.System)).BuildServiceProvider();
        return new InboxJournal(Options.Create(new InboxJournalOptions { Directory = Journal, SegmentBytes = segmentBytes }),
            services.GetRequiredService<IServiceScopeFactory>(), _signal, NullLogger<InboxJournal>.Instance);
    }

    private static InboxItem Item(int i, InboxStatus status = InboxStatus.Pending) => new()
    {
        Provider = InboxProvider.Zapier, TenantId = Ids.New(), Body = $"{{\"name\":\"Lead {i} çã\"}}", Headers = "{\"X-Webhook-Secret\":\"…\"}",
        ReceivedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow, Status = status,
    };

    private async Task<List<InboxItem>> StoredAsync()
    {
        await using var db = _db.As(FixedCurrentUser.System);
        return await db.Inbox.AsNoTracking().OrderBy(i => i.Body).ToListAsync();
    }

    private string[] Segments() => Directory.Exists(Journal) ? Directory.GetFiles(Journal, "*.inbox") : [];

    [Fact]
    public void A_version_1_record_written_before_items_had_a_parent_still_reads()
    {
        var item = new InboxItem { Body = "{}", Provider = InboxProvider.WhatsApp, Tenants = "t" };
        var v2 = InboxJournalRecord.Encode(item).ToArray();
        // Version 1 had no parent and part: drop their two "absent" flags, mark it version 1, fix length and checksum.
        var payload = v2[8..^2];
        payload[0] = 1;
        var v1 = new byte[8 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(v1, payload.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(4), System.IO.Hashing.Crc32.HashToUInt32(payload));
        payload.CopyTo(v1, 8);
        var (items, tornAt) = InboxJournalRecord.ReadAll(v1);
        Assert.Null(tornAt);
        var read = Assert.Single(items);
        Assert.Equal((item.Id, "t", (Guid?)null, (int?)null), (read.Id, read.Tenants, read.ParentId, read.Part));
    }

    [Fact]
    public void A_record_keeps_every_column_of_the_inbox_row()
    {
        var item = new InboxItem { Body = "" };
        foreach (var property in typeof(InboxItem).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A distinct non-default value for every column, so a column the record forgets fails the comparison.
            object value = property.PropertyType switch
            {
                var t when t == typeof(Guid) || t == typeof(Guid?) => Ids.New(),
                var t when t == typeof(string) => $"{property.Name} – ✓",
                var t when t == typeof(DateTime) || t == typeof(DateTime?) => new DateTime(2026, 11, 26, 1, 2, 3, DateTimeKind.Utc).AddTicks(property.Name.Length),
                var t when t == typeof(int) || t == typeof(int?) => 7,
                var t when t == typeof(InboxProvider) => InboxProvider.WhatsApp,
                var t when t == typeof(InboxStatus) => InboxStatus.Failed,
                var t => throw new InvalidOperationException($"InboxJournalRecord does not know how to write {property.Name} ({t}); add it there and here."),
            };
            property.SetValue(item, value);
        }
        var (items, tornAt) = InboxJournalRecord.ReadAll(InboxJournalRecord.Encode(item).ToArray());
        Assert.Null(tornAt);
        var read = Assert.Single(items);
        foreach (var property in typeof(InboxItem).GetProperties()) Assert.Equal(property.GetValue(item), property.GetValue(read));
        Assert.Equal(DateTimeKind.Utc, read.ReceivedAt.Kind);
    }

    [Fact]
    public async Task Appended_items_reach_the_table_and_wake_the_processor()
    {
        await using var journal = Open();
        var items = Enumerable.Range(0, 300).Select(i => Item(i)).ToList();
        foreach (var item in items) await journal.WriteAsync(item, CancellationToken.None);
        await journal.FlushAsync(CancellationToken.None);

        var stored = await StoredAsync();
        Assert.Equal(items.Select(i => i.Id).Order(), stored.Select(i => i.Id).Order());
        Assert.All(stored, s => Assert.Equal(items.Single(i => i.Id == s.Id).Body, s.Body));
        Assert.True(_notified > 0);
    }

    [Fact]
    public async Task A_body_of_the_largest_accepted_size_is_journaled_and_stored_intact()
    {
        await using var journal = Open();
        var large = Item(1);
        large.Body = $"{{\"text\":\"{new string('ç', InboxReceiver.MaxBodyBytes / 2 - 20)}\"}}";
        await journal.WriteAsync(large, CancellationToken.None);
        await journal.WriteAsync(Item(2), CancellationToken.None); // the next record on the same thread starts clean
        await journal.FlushAsync(CancellationToken.None);
        var stored = await StoredAsync();
        Assert.Equal(large.Body, stored.Single(i => i.Id == large.Id).Body);
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task Moved_segments_are_deleted_and_a_clean_stop_leaves_no_journal()
    {
        var journal = Open(segmentBytes: 1024);
        for (var i = 0; i < 50; i++) await journal.WriteAsync(Item(i), CancellationToken.None);
        await journal.FlushAsync(CancellationToken.None);
        Assert.InRange(Segments().Length, 0, 1); // only the segment still being written
        await journal.DisposeAsync();
        Assert.Empty(Segments());
        Assert.Equal(50, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Recovery_moves_what_an_earlier_process_left_skipping_a_torn_tail_and_rows_already_stored()
    {
        Directory.CreateDirectory(Journal);
        var items = Enumerable.Range(0, 4).Select(i => Item(i)).ToList();
        // Item 0 reached the table before the crash; item 3 was being written when the process died.
        await using (var db = _db.As(FixedCurrentUser.System))
        {
            var processed = Item(0, InboxStatus.Processed);
            processed.Id = items[0].Id;
            db.Inbox.Add(processed);
            await db.SaveChangesAsync();
        }
        var bytes = items.SelectMany(i => InboxJournalRecord.Encode(i).ToArray()).ToArray();
        var lastLength = InboxJournalRecord.Encode(items[3]).Length;
        await File.WriteAllBytesAsync(Path.Combine(Journal, "0000000007.inbox"), bytes[..^(lastLength / 2)]);

        await using var journal = Open();
        Assert.Equal(2, await journal.RecoverAsync()); // items 1 and 2; item 0 was stored, item 3 never acknowledged

        var stored = await StoredAsync();
        Assert.Equal(items.Take(3).Select(i => i.Id).Order(), stored.Select(i => i.Id).Order());
        Assert.Equal(InboxStatus.Processed, stored.Single(i => i.Id == items[0].Id).Status); // the stored row wins
        Assert.Empty(Segments());
        Assert.True(_notified > 0);
    }

    [Fact]
    public void A_record_failing_its_checksum_ends_the_segment()
    {
        var items = Enumerable.Range(0, 3).Select(i => Item(i)).ToList();
        var bytes = items.SelectMany(i => InboxJournalRecord.Encode(i).ToArray()).ToArray();
        var first = InboxJournalRecord.Encode(items[0]).Length;
        bytes[first + 20] ^= 0xFF;
        var (read, tornAt) = InboxJournalRecord.ReadAll(bytes);
        Assert.Equal(items[0].Id, Assert.Single(read).Id);
        Assert.Equal(first, tornAt);
    }

    [Fact]
    public async Task A_locked_table_does_not_hold_up_receiving_and_the_mover_catches_up_when_it_is_free()
    {
        await using var journal = Open();
        await using var writeLock = new SqliteConnection($"Data Source={Path.Combine(_folder, "crm.db")};Pooling=False");
        await writeLock.OpenAsync();
        var transaction = writeLock.BeginTransaction(deferred: false);

        var items = Enumerable.Range(0, 20).Select(i => Item(i)).ToList();
        // Durable in the journal while the table is still locked (the lock is released only after these complete).
        foreach (var item in items) await journal.WriteAsync(item, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(1500); // longer than the busy timeout: the mover has failed at least once
        Assert.Empty(await StoredAsync());
        Assert.NotEmpty(Segments());

        await transaction.RollbackAsync();
        await journal.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(20, (await StoredAsync()).Count);
    }
}
