using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace SalesCrm.Core.Inbox.Storage;

/// <summary>
/// Makes an inbound request durable with one append to a local file, then moves it into the inbox table in the
/// background with large batches. The acknowledgement waits for the append (which survives the process being killed,
/// like a SQLite commit with <c>synchronous=NORMAL</c>) instead of a database commit and a hand-off to a writer thread.
/// On start, <see cref="RecoverAsync"/> inserts whatever an earlier process appended but did not move; rows are keyed
/// by id and inserted with <c>ON CONFLICT DO NOTHING</c>, so moving twice is harmless. A record cut short by a crash
/// was never acknowledged and is skipped. Only for a single instance: another instance cannot read this disk.
/// </summary>
public sealed class InboxJournal : IInboxSink, IAsyncDisposable
{
    private const int MoveBatch = 512;
    /// <summary>One append writes at most this much (records queued meanwhile go in the next write).</summary>
    private const int AppendBytes = 1024 * 1024;
    private static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(10);
    private const string Extension = ".inbox";
    private readonly InboxJournalOptions _options;
    private readonly string _directory;
    private readonly IServiceScopeFactory _scopes;
    private readonly InboxSignal _signal;
    private readonly ILogger<InboxJournal> _logger;
    private readonly Channel<(InboxItem Item, TaskCompletionSource Appended)> _appends = Channel.CreateUnbounded<(InboxItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<(InboxItem Item, Segment Segment)> _queue = Channel.CreateUnbounded<(InboxItem, Segment)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InboxTableWriter _table;
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _firstSequence;
    private long _nextSequence;
    private Segment? _current;
    private long _appended;
    private long _moved;
    private TaskCompletionSource _progress = NewProgress();
    private readonly Task _appender;
    private readonly Task _mover;

    public InboxJournal(IOptions<InboxJournalOptions> options, IServiceScopeFactory scopes, InboxSignal signal, ILogger<InboxJournal> logger)
    {
        _options = options.Value;
        _directory = _options.Directory ?? throw new InvalidOperationException("Inbox:Journal has no directory.");
        _scopes = scopes;
        _signal = signal;
        _logger = logger;
        System.IO.Directory.CreateDirectory(_directory);
        _firstSequence = _nextSequence = SegmentFiles().Select(f => f.Sequence + 1).DefaultIfEmpty(1).Max();
        _table = new InboxTableWriter(scopes);
        _appender = Task.Run(AppendLoopAsync);
        _mover = Task.Run(MoveLoopAsync);
    }

    public Task WriteAsync(InboxItem item, CancellationToken ct) =>
        Backlog < _options.MaxBacklog ? AppendAsync(item) : WriteWhenMovedAsync(item, ct);

    /// <summary>The mover has fallen far behind: wait for it before taking more, rather than growing without bound.</summary>
    private async Task WriteWhenMovedAsync(InboxItem item, CancellationToken ct)
    {
        await FlushAsync(ct);
        await AppendAsync(item);
    }

    /// <summary>Completes once the item's record is written to the journal file.</summary>
    private Task AppendAsync(InboxItem item)
    {
        var appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_appends.Writer.TryWrite((item, appended))) throw new InvalidOperationException("The inbox is shutting down.");
        return appended.Task;
    }

    /// <summary>
    /// The one writer of the journal (group commit): takes every record queued since its last write and appends them
    /// with one write. Receivers wait without holding a lock, so a burst costs a write per batch rather than a write
    /// and a lock hand-off (with spinning) per request.
    /// </summary>
    private async Task AppendLoopAsync()
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource Appended)>();
        var buffer = new MemoryStream();
        while (await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            if (buffer.Capacity > 4 * AppendBytes) buffer = new MemoryStream();
            buffer.SetLength(0);
            while (buffer.Length < AppendBytes && _appends.Reader.TryRead(out var next))
            {
                try
                {
                    buffer.Write(InboxJournalRecord.Encode(next.Item).Span);
                    batch.Add(next);
                }
                catch (Exception e)
                {
                    // Encoding failed before anything reached the buffer: this request fails (500, so its sender
                    // retries) and the writer carries on with the others.
                    next.Appended.TrySetException(e);
                }
            }
            if (batch.Count == 0) continue;
            Segment? segment = null;
            try
            {
                segment = _current ??= Segment.Create(Path.Combine(_directory, $"{_nextSequence++:D10}{Extension}"));
                RandomAccess.Write(segment.Handle, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), segment.Length);
            }
            catch (Exception e)
            {
                // Whatever part was written is a torn tail that recovery skips (or whole records it inserts, harmlessly:
                // they were never acknowledged, and the sender retries them); carry on in a fresh file.
                _current = null;
                segment?.Seal();
                foreach (var (_, appended) in batch) appended.TrySetException(e);
                continue;
            }
            segment.Length += buffer.Length;
            Interlocked.Add(ref _appended, batch.Count);
            foreach (var (item, _) in batch)
            {
                segment.Add();
                _queue.Writer.TryWrite((item, segment));
            }
            if (segment.Length >= _options.SegmentBytes)
            {
                _current = null;
                segment.Seal();
            }
            foreach (var (_, appended) in batch) appended.TrySetResult();
        }
    }

    /// <summary>Items appended but not yet in the table.</summary>
    public long Backlog => Interlocked.Read(ref _appended) - Interlocked.Read(ref _moved);

    /// <summary>Waits until everything appended so far is in the table.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _appended);
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            if (Interlocked.Read(ref _moved) >= target) return;
            await progress.Task.WaitAsync(ct);
        }
    }

    private async Task MoveLoopAsync()
    {
        var batch = new List<(InboxItem Item, Segment Segment)>(MoveBatch);
        var items = new List<InboxItem>(MoveBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Acknowledgements do not wait for the mover, so it can let a batch gather: a row costs several times less in
            // a transaction of hundreds than alone, and the processor is only a few milliseconds later.
            if (Backlog < MoveBatch) await Task.Delay(GatherTime);
            batch.Clear();
            items.Clear();
            while (batch.Count < MoveBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                items.Add(next.Item);
            }
            if (!await InsertWithRetryAsync(items, _stopping.Token)) return; // stopping: the segments keep them for the next start
            foreach (var (_, segment) in batch) segment.Release();
            Interlocked.Add(ref _moved, batch.Count);
            Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
            _signal.NotifyIfPending(items);
        }
    }

    /// <summary>Keeps trying (the rows are safe in the journal meanwhile); false only when the host is stopping.</summary>
    private async Task<bool> InsertWithRetryAsync(List<InboxItem> items, CancellationToken stopping)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await _table.InsertAsync(items, stopping);
                return true;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Moving {Count} journaled webhooks into the inbox table failed; retrying in {Delay}.", items.Count, delay);
                await _table.ResetAsync();
                try { await Task.Delay(delay, stopping); }
                catch (OperationCanceledException) { return false; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Inserts what earlier processes appended but did not move, then deletes their segments; returns how many rows
    /// were missing from the table. Run once at start-up, after migrations and before requests; segments this instance
    /// writes are never touched.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct = default)
    {
        int read = 0, inserted = 0;
        await using var table = new InboxTableWriter(_scopes);
        foreach (var (path, _) in SegmentFiles().Where(f => f.Sequence < _firstSequence).OrderBy(f => f.Sequence))
        {
            var (items, tornAt) = InboxJournalRecord.ReadAll(await File.ReadAllBytesAsync(path, ct));
            if (tornAt is { } offset)
                _logger.LogWarning("Inbox journal {Path}: skipped an incomplete record at byte {Offset} (cut short by a crash, so never acknowledged).", path, offset);
            foreach (var chunk in items.Chunk(MoveBatch)) inserted += await table.InsertAsync(chunk, ct);
            File.Delete(path);
            read += items.Count;
        }
        if (read > 0)
            _logger.LogInformation("Inbox journal: {Read} webhook(s) journaled before the last stop; {Inserted} were not yet in the inbox and were added.", read, inserted);
        if (inserted > 0) _signal.Notify();
        return inserted;
    }

    private IEnumerable<(string Path, long Sequence)> SegmentFiles() =>
        System.IO.Directory.EnumerateFiles(_directory, "*" + Extension)
            .Select(p => (Path: p, Ok: long.TryParse(Path.GetFileNameWithoutExtension(p), out var n), Sequence: n))
            .Where(f => f.Ok).Select(f => (f.Path, f.Sequence));

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the mover finish what was appended (a few seconds at most), then closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _appender;
        _queue.Writer.TryComplete();
        _stopping.CancelAfter(TimeSpan.FromSeconds(10));
        await _mover;
        _stopping.Cancel();
        _current?.Seal();
        _current = null;
        await _table.DisposeAsync();
    }

    /// <summary>One journal file; deleted once it is closed and every record in it is in the table.</summary>
    private sealed class Segment(string path, SafeFileHandle handle)
    {
        private int _pending;
        private int _sealed;
        private int _deleted;

        public SafeFileHandle Handle { get; } = handle;
        public long Length { get; set; }

        public static Segment Create(string path) => new(path, File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));

        public void Add() => Interlocked.Increment(ref _pending);

        public void Release()
        {
            if (Interlocked.Decrement(ref _pending) == 0 && Volatile.Read(ref _sealed) == 1) Delete();
        }

        public void Seal()
        {
            Volatile.Write(ref _sealed, 1);
            if (Volatile.Read(ref _pending) == 0) Delete();
            else Handle.Dispose(); // nothing more is written; the file stays until its records are moved
        }

        private void Delete()
        {
            if (Interlocked.Exchange(ref _deleted, 1) != 0) return;
            Handle.Dispose();
            File.Delete(path);
        }
    }
}
