using InfraFunctions.Core;
using InfraFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration's own middleware, so each HTTP invocation already has its HttpContext. Failures
// are turned into answers outermost, then callers are checked, then the function runs.
builder.UseMiddleware<FailureMiddleware>();
builder.UseCallerAuthentication();
builder.Services.AddInfraFunctions(builder.Configuration);
builder.Services.AddHttpLayer();
builder.Services.AddInfraTelemetry(builder.Configuration);
builder.Build().Run();
