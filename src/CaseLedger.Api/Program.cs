using CaseLedger.Api.Infrastructure;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddEventStore();
builder.AddMessaging();
builder.AddHttpApi();

var app = builder.Build();

app.UseHttpApi();

return await app.RunJasperFxCommands(args);

public partial class Program;
