// What a fault run speaks in: the API's roles, the shared client, and the benchmark's plans and requests.
global using CaseLedger.Api.Infrastructure;
global using CaseLedger.Client;
global using CaseLedger.Bench.Api;
global using CaseLedger.Bench.Dataset;
