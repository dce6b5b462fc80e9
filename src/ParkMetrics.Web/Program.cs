using ParkMetrics.Web.Components;
using ParkMetrics.Web.Features.Account;
using ParkMetrics.Web.Features.Admin;
using ParkMetrics.Web.Features.ApiReference;
using ParkMetrics.Web.Features.Checks;
using ParkMetrics.Web.Features.Export;
using ParkMetrics.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddParkMetricsDefaults();
builder.AddParkMetricsData();
builder.AddParkMetricsExportLimits();
builder.AddParkMetricsAccounts();
builder.AddParkMetricsApiReference();
builder.AddParkMetricsChecks();
builder.AddParkMetricsPageCache();
builder.AddParkMetricsRequestChecks();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseParkMetricsDefaults();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapParkMetricsHealth();
app.MapCultureEndpoint();
app.MapAccountEndpoints();
app.MapAdminEndpoints();
app.MapExportEndpoints();
app.MapChecksEndpoints();
app.MapApiReference();
app.Run();

public partial class Program;
