using InfraFunctions.LocalHost;

var app = LocalHostApp.Build(args);
app.Run();
