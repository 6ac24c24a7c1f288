namespace SalesCrm.Core.Common;

/// <summary>Encrypts secrets kept in the database (webhook secrets, page access tokens).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);
    string Unprotect(string protectedText);
}
