using ParkMetrics.IntegrationTests.Infrastructure;

// One PostgreSQL server for the whole run; every test class gets databases of its own on it.
[assembly: AssemblyFixture(typeof(PostgresServer))]
