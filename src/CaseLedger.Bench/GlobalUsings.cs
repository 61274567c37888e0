// What the benchmark speaks in throughout: the API's records and roles, the shared client and the requests it
// builds from the plan, the planned dataset, and the raw-PostgreSQL side.
global using CaseLedger.Api.Infrastructure;
global using CaseLedger.Api.Inspections;
global using CaseLedger.Client;
global using CaseLedger.Bench.Api;
global using CaseLedger.Bench.Dataset;
global using CaseLedger.Bench.Raw;
