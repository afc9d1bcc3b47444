// The least an ASP.NET Core app costs to start and to keep in memory: the default builder and one endpoint.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/readyz", () => "Healthy");
app.Run();
