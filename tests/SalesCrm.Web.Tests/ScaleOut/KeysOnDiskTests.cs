using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Identity;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Single-instance SQLite installations from before ADR 043 kept their keys in <c>data/</c>; they keep working.</summary>
public sealed class KeysOnDiskTests
{
    [Fact]
    public async Task Secrets_and_tokens_made_with_the_keys_an_earlier_version_kept_on_disk_still_open_after_the_move_to_the_database()
    {
        await using var app = new SqliteApp();
        Directory.CreateDirectory(app.DataPath);
        var oldRing = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(app.DataPath, SharedKeyRing.LegacyFolder)),
            b => b.SetApplicationName(SharedKeyRing.ApplicationName));
        var pageToken = new DataProtectionSecretProtector(oldRing).Protect("page-token-from-before");
        var oldJwtKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await File.WriteAllTextAsync(Path.Combine(app.DataPath, JwtSigningKey.LegacyFile), oldJwtKey);

        Assert.Equal("page-token-from-before", app.Services.GetRequiredService<ISecretProtector>().Unprotect(pageToken));
        var owner = await app.RegisterAsync();
        var oldIssuer = new JwtAccessTokenIssuer(new JwtOptions(), new JwtSigningKey(new JwtOptions { SigningKey = oldJwtKey }), TimeProvider.System);
        var token = oldIssuer.Issue(new AppUser { Id = owner.UserId, Email = owner.Email, Name = "Owner" }, owner.TenantId, [Capabilities.LeadsRead]);
        await (await app.CreateClient().WithBearer(token.Token).GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_on_sqlite_reports_the_database_and_the_inbox_backlog_with_its_oldest_pending_age()
    {
        await using var app = new SqliteApp();
        await Readiness.AddWaitingInboxItemAsync(app);
        var backlog = await Readiness.ReadAsync(app);
        var inbox = backlog["data"]!["inbox"]!;
        Assert.Equal(1, (int)inbox["pending"]!);
        Assert.True((double)inbox["oldest_pending_age_seconds"]! >= 7000, inbox.ToJsonString());
    }
}
