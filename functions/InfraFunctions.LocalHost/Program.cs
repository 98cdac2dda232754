using InfraFunctions.LocalHost;

return await LocalHostApp.RunAsync(args);
