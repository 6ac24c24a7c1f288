using Microsoft.AspNetCore.DataProtection;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Secrets at rest (webhook signing secrets, page access tokens) encrypted with the persisted Data Protection keys.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("SalesCrm.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
