using ParkMetrics.BrowserTests.Infrastructure;

// One PostgreSQL, one app on Kestrel and one Chromium for the whole run; every test opens a browser context of its own.
[assembly: AssemblyFixture(typeof(BrowserApp))]
