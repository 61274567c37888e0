// The framework namespaces nearly every feature file needs, and the cross-cutting infrastructure. Feature folders
// still name each other explicitly, so a file's usings show which capabilities it depends on.
global using CaseLedger.Api.Infrastructure;
global using CaseLedger.Api.Inspections.Timing;
global using CaseLedger.Api.Reference;
global using JasperFx.Events;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine.Http;
