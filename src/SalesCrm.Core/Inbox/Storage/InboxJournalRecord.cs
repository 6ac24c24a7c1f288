using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SalesCrm.Core.Inbox.Storage;

/// <summary>
/// A journal record: payload length (int32, little-endian), CRC-32 of the payload, then the payload: every column of
/// the inbox row in a fixed order (columns added later are appended and optional when reading). Reading stops at the first record that is cut short or fails its checksum.
/// </summary>
internal static class InboxJournalRecord
{
    private const int HeaderBytes = 8;
    /// <summary>
    /// Version 2 added <see cref="InboxItem.ParentId"/> and <see cref="InboxItem.Part"/>, version 3
    /// <see cref="InboxItem.Warnings"/>, version 4 <see cref="InboxItem.ClaimedBy"/> and <see cref="InboxItem.LeaseUntil"/>;
    /// older records still read (without them).
    /// </summary>
    private const byte Version = 4;

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
        WriteNullable(w, item.ClaimedBy);
        w.Write(item.LeaseUntil.HasValue);
        if (item.LeaseUntil is { } leaseUntil) w.Write(leaseUntil.ToBinary());
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
        if (version is not (1 or 2 or 3 or Version)) throw new InvalidDataException("Unknown inbox journal record version.");
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
        if (version == 3) return item;
        item.ClaimedBy = r.ReadBoolean() ? r.ReadString() : null;
        item.LeaseUntil = r.ReadBoolean() ? DateTime.FromBinary(r.ReadInt64()) : null;
        return item;
    }
}
