using ParkMetrics.Benchmarks.Circuits;
using ParkMetrics.Benchmarks.Intake;

// Benchmarks that need more than a shell script: circuits (memory per Blazor circuit) and intake (extraction against the seed).
return args.FirstOrDefault() switch
{
    "circuits" => await CircuitsBenchmark.RunAsync(args[1..]),
    "intake" => IntakeBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ParkMetrics.Benchmarks circuits URL APP_PID [N]");
    Console.Error.WriteLine("       ParkMetrics.Benchmarks intake --seed DIR --articles DIR --candidates DIR [--markdown FILE]");
    return 2;
}
