using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Secrets at rest (webhook signing secrets, page access tokens) encrypted with the persisted Data Protection keys.
/// Decrypting derives a key per call, so the inbox processor and the webhook deliverer (one decryption per lead or
/// delivery) keep recently used plaintexts in memory, at most <see cref="CacheLimit"/>, keyed by their ciphertext:
/// a rotated or replaced secret has a new ciphertext and is decrypted afresh.
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public const int CacheLimit = 1_000;

    private readonly IDataProtector _protector = provider.CreateProtector("SalesCrm.Secrets.v1");
    private readonly ConcurrentDictionary<string, string> _plaintexts = new(StringComparer.Ordinal);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText)
    {
        if (_plaintexts.TryGetValue(protectedText, out var cached)) return cached;
        var plaintext = _protector.Unprotect(protectedText);
        if (_plaintexts.Count >= CacheLimit) _plaintexts.Clear();
        _plaintexts[protectedText] = plaintext;
        return plaintext;
    }
}
