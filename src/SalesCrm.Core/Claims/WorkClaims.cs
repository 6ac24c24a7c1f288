using Microsoft.EntityFrameworkCore;

namespace SalesCrm.Core.Claims;

/// <summary>Provider facts the claiming code needs: row locks with <c>SKIP LOCKED</c> exist on PostgreSQL only.</summary>
public static class WorkClaims
{
    public static bool IsPostgres(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A lease end rounded to whole milliseconds, so the value written and the value compared match on every provider.</summary>
    public static DateTime LeaseEnd(DateTime now, TimeSpan lease)
    {
        var end = now + lease;
        return new DateTime(end.Ticks - end.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
