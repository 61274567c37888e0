// What nearly every test reads: Alba's host, JSON, the store, and the API's core namespaces with the shared
// scenarios. Feature namespaces beyond these stay in each file, so a test's usings say what it exercises.
global using System.Text.Json;
global using Alba;
global using CaseLedger.Api.Frameworks;
global using CaseLedger.Api.Infrastructure;
global using CaseLedger.Api.Inspections;
global using CaseLedger.Api.Scoring;
global using CaseLedger.Tests.Infrastructure;
global using CaseLedger.Tests.Inspections;
global using CaseLedger.Tests.Scores;
global using Marten;
global using Microsoft.Extensions.DependencyInjection;
