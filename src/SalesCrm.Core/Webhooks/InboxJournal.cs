using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace SalesCrm.Core.Webhooks;

/// <summary><c>Inbox:Journal</c>: the append-only journal in front of the inbox table (embedded SQLite only).</summary>
public sealed class InboxJournalOptions
{
    /// <summary>Folder of the journal segments; null writes straight to the table (<see cref="InboxWriter"/>).</summary>
    public string? Directory { get; set; }

    /// <summary>A segment is closed and a new one started past this size; closed segments are deleted once moved.</summary>
    public long SegmentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Received items not yet in the table above which receiving waits for the mover (bounds memory).</summary>
    public int MaxBacklog { get; set; } = 20_000;
}

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

/// <summary>
/// A journal record: payload length (int32, little-endian), CRC-32 of the payload, then the payload: every column of
/// the inbox row in a fixed order (columns added later are appended and optional when reading). Reading stops at the first record that is cut short or fails its checksum.
/// </summary>
internal static class InboxJournalRecord
{
    private const int HeaderBytes = 8;
    /// <summary>
    /// Version 2 added <see cref="InboxItem.ParentId"/> and <see cref="InboxItem.Part"/>, version 3
    /// <see cref="InboxItem.Warnings"/>; older records still read (without them).
    /// </summary>
    private const byte Version = 3;

    [ThreadStatic] private static BinaryWriter? _writer;

    /// <summary>The encoded record in a per-thread buffer, valid until this thread encodes the next one.</summary>
    public static ReadOnlyMemory<byte> Encode(InboxItem item)
    {
        // A thread keeps its buffer between records, but not one grown for a rare large body.
        if (_writer is not { BaseStream.Length: <= 256 * 1024 }) _writer = new BinaryWriter(new MemoryStream(4096), Encoding.UTF8);
        var w = _writer;
        var buffer = (MemoryStream)w.BaseStream;
        buffer.SetLength(HeaderBytes);
        buffer.Position = HeaderBytes;
        w.Write(Version);
        WriteGuid(w, item.Id);
        w.Write((int)item.Provider);
        w.Write(item.TenantId.HasValue);
        if (item.TenantId is { } tenantId) WriteGuid(w, tenantId);
        w.Write(item.Body);
        w.Write(item.Headers);
        w.Write(item.ReceivedAt.ToBinary());
        w.Write((int)item.Status);
        w.Write(item.Attempts);
        w.Write(item.NextAttemptAt.ToBinary());
        WriteNullable(w, item.LastError);
        w.Write(item.ProcessedAt.HasValue);
        if (item.ProcessedAt is { } processedAt) w.Write(processedAt.ToBinary());
        WriteNullable(w, item.Tenants);
        w.Write(item.ParentId.HasValue);
        if (item.ParentId is { } parentId) WriteGuid(w, parentId);
        w.Write(item.Part.HasValue);
        if (item.Part is { } part) w.Write(part);
        WriteNullable(w, item.Warnings);
        w.Flush();
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - HeaderBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], Crc32.HashToUInt32(bytes[HeaderBytes..]));
        return buffer.GetBuffer().AsMemory(0, bytes.Length);
    }

    private static void WriteGuid(BinaryWriter w, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        w.Write(bytes);
    }

    private static void WriteNullable(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    /// <summary>The records of one segment, and where reading stopped early if the tail is incomplete.</summary>
    public static (List<InboxItem> Items, long? TornAt) ReadAll(byte[] data)
    {
        var items = new List<InboxItem>();
        var offset = 0;
        while (offset < data.Length)
        {
            var rest = data.AsSpan(offset);
            if (rest.Length < HeaderBytes) return (items, offset);
            var length = BinaryPrimitives.ReadInt32LittleEndian(rest);
            if (length <= 0 || length > rest.Length - HeaderBytes) return (items, offset);
            var payload = rest.Slice(HeaderBytes, length);
            if (Crc32.HashToUInt32(payload) != BinaryPrimitives.ReadUInt32LittleEndian(rest[4..])) return (items, offset);
            items.Add(Decode(data, offset + HeaderBytes, length));
            offset += HeaderBytes + length;
        }
        return (items, null);
    }

    private static InboxItem Decode(byte[] data, int offset, int length)
    {
        using var r = new BinaryReader(new MemoryStream(data, offset, length, writable: false), Encoding.UTF8);
        var version = r.ReadByte();
        if (version is not (1 or 2 or Version)) throw new InvalidDataException("Unknown inbox journal record version.");
        var item = new InboxItem
        {
            Id = new Guid(r.ReadBytes(16)),
            Provider = (InboxProvider)r.ReadInt32(),
            TenantId = r.ReadBoolean() ? new Guid(r.ReadBytes(16)) : null,
            Body = r.ReadString(),
            Headers = r.ReadString(),
            ReceivedAt = DateTime.FromBinary(r.ReadInt64()),
            Status = (InboxStatus)r.ReadInt32(),
            Attempts = r.ReadInt32(),
            NextAttemptAt = DateTime.FromBinary(r.ReadInt64()),
            LastError = r.ReadBoolean() ? r.ReadString() : null,
            ProcessedAt = r.ReadBoolean() ? DateTime.FromBinary(r.ReadInt64()) : null,
            Tenants = r.ReadBoolean() ? r.ReadString() : null,
        };
        if (version == 1) return item;
        item.ParentId = r.ReadBoolean() ? new Guid(r.ReadBytes(16)) : null;
        item.Part = r.ReadBoolean() ? r.ReadInt32() : null;
        if (version == 2) return item;
        item.Warnings = r.ReadBoolean() ? r.ReadString() : null;
        return item;
    }
}
