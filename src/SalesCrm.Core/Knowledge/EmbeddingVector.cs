using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Vectors as stored beside a chunk: little-endian IEEE 754 float32, <c>dimension × 4</c> bytes, normalized to unit
/// length so a dot product is the cosine similarity. The same bytes on SQLite (BLOB) and PostgreSQL (bytea).
/// </summary>
public static class EmbeddingVector
{
    /// <summary>The stored form of <paramref name="vector"/>, normalized to unit length (a zero vector stays zero).</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), norm > 0 ? vector[i] / norm : 0f);
        return bytes;
    }

    /// <summary>The vector stored in <paramref name="bytes"/>.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 4.</exception>
    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0) throw new ArgumentException($"A stored vector has a multiple of 4 bytes, not {bytes.Length}.", nameof(bytes));
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        return vector;
    }

    /// <summary>Copies the vector stored in <paramref name="bytes"/> into <paramref name="destination"/> (as many floats as the bytes hold).</summary>
    public static void CopyTo(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
        else for (var i = 0; i < bytes.Length / sizeof(float); i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
    }

    /// <summary><paramref name="vector"/> scaled to unit length (a zero vector stays zero), as a query is compared.</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        var result = vector.ToArray();
        if (norm > 0) for (var i = 0; i < result.Length; i++) result[i] /= norm;
        return result;
    }

    /// <summary>Cosine similarity of two unit vectors (their dot product), in [-1, 1]; 0 when the dimensions differ.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => a.Length == b.Length && a.Length > 0 ? Dot(a, b) : 0f;

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var k = 0; k < va.Length; k++) acc += va[k] * vb[k];
            sum = Vector.Dot(acc, Vector<float>.One);
            i = va.Length * Vector<float>.Count;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
