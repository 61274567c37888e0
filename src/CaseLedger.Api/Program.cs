using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Admin;
using CaseLedger.Api.Ledger.Signing;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Feed;
using CaseLedger.Api.Pages;
using CaseLedger.Api.QualityAssurance;
using CaseLedger.Api.Telemetry;
using CaseLedger.Api.Yots;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddEventStore();
builder.AddMessaging();
builder.AddHttpApi();
builder.AddTelemetry();
builder.AddTokenAuthentication();
builder.AddPages();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddFrameworks();
builder.Services.AddYotRegister();
builder.Services.AddInspections(builder.Configuration);
builder.Services.AddViews();
builder.Services.AddQualityAssurance();
builder.AddLedger();
builder.AddNotifications();
builder.Services.AddChangeFeed();

var app = builder.Build();

app.UseHttpApi();
app.MapPages();
app.MapTelemetry();

return await app.RunJasperFxCommands(args);

public partial class Program;
