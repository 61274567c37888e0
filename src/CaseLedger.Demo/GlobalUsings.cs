// What the demo is made of throughout: the API's frameworks, its inspection records, and the scoring it reproduces.
global using CaseLedger.Api.Frameworks;
global using CaseLedger.Api.Inspections;
global using CaseLedger.Api.Scoring;
