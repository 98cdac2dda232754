using BenchmarkDotNet.Running;
using InfraFunctions.Benchmarks;

switch (args.FirstOrDefault())
{
    case "ingest":
        await IngestThroughput.RunAsync(args.Skip(1).ToArray());
        break;
    case "realtime":
        await RealtimeLatency.RunAsync(args.Skip(1).ToArray());
        break;
    case "retention":
        await RetentionAndSummary.RetentionAsync(args.Skip(1).ToArray());
        break;
    case "summary":
        await RetentionAndSummary.SummaryAsync(args.Skip(1).ToArray());
        break;
    case "anomalies":
        AnomalyScanBenchmark.Run(args.Skip(1).ToArray());
        break;
    case "localdb":
        await LocalDatabase.RunAsync(args.Skip(1).ToArray());
        break;
    case "fleet":
        await InfraFunctions.Benchmarks.Fleet.FleetCost.RunAsync(args.Skip(1).ToArray());
        break;
    case "rules":
        await RuleEvaluationCost.RunAsync(args.Skip(1).ToArray());
        break;
    case "micro":
        BenchmarkRunner.Run<ValidationBenchmarks>(args: args.Skip(1).ToArray());
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/InfraFunctions.Benchmarks -- ingest [posts-per-worker] [workers] | realtime [posts] [clients] | retention [rows] [rounds] | summary [minutes-between-samples] | anomalies [hosts] | localdb [days] [raw-days] | fleet [hosts] [--minutes M] [--concurrency C] [--app DIR] [--set Name=Value] | rules [posts-per-host] [rounds] | micro");
        return 2;
}

return 0;
