namespace SalesCrm.Core.Common;

/// <summary>Collects per-field errors and throws one <see cref="ValidationException"/> with all of them.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validator Require(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        else if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        else if (!IsEmail(value)) Add(field, "is not a valid email address.");
        return this;
    }

    /// <summary>The password policy Identity enforces too: at least 8 characters with upper, lower and a digit.</summary>
    public Validator Password(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required.");
        else if (value.Length < 8 || value.Length > 128 || !value.Any(char.IsUpper) || !value.Any(char.IsLower) || !value.Any(char.IsDigit))
            Add(field, "must have at least 8 characters, with an upper-case letter, a lower-case letter and a digit.");
        return this;
    }

    public Validator When(bool condition, string field, string error)
    {
        if (condition) Add(field, error);
        return this;
    }

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(error);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw ToException();
    }

    public ValidationException ToException() => new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 254) return false;
        return System.Net.Mail.MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal);
    }
}
