using SalesCrm.Web;
using SalesCrm.Web.Infrastructure;

if (HealthProbe.Matches(args)) return await HealthProbe.RunAsync(args);
var builder = WebApplication.CreateBuilder(args);
builder.AddSalesCrm();

var app = builder.Build();
if (AdminCommands.Matches(args)) return await AdminCommands.RunAsync(app.Services, args);
await app.PrepareDatabaseAsync();
app.UseSalesCrm();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory.</summary>
public partial class Program;
