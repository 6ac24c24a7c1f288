using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Data;

/// <summary>
/// The last guard before a row is written, the same on both providers: a text longer than its column's maximum length
/// or containing a NUL character is a <see cref="ValidationException"/> on that field. PostgreSQL refuses both
/// (<c>22001</c> value too long, <c>22021</c> NUL in text) where SQLite stores them, so without this an input a service
/// did not check itself was a 500 on one database and silently kept on the other.
/// </summary>
internal static class ColumnLimits
{
    /// <summary>Checks every text property of an added or modified row; field names are the API's snake_case.</summary>
    public static void Check(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        Validator? v = null;
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified)) continue;
            // The field name is only built for a value that fails: this runs for every text column of every saved row.
            if (property.Metadata.GetMaxLength() is { } max && text.Length > max) (v ??= new Validator()).Add(Field(property), $"must be at most {max} characters.");
            if (text.Contains('\0')) (v ??= new Validator()).Add(Field(property), "must not contain NUL characters.");
        }
        v?.ThrowIfInvalid();
    }

    private static string Field(PropertyEntry property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Metadata.Name);
}
