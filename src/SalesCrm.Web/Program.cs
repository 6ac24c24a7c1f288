using SalesCrm.Web;
using SalesCrm.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesCrm();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSalesCrm();
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory.</summary>
public partial class Program;
