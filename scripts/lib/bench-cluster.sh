# Sourced by the benchmark scripts: a fresh PostgreSQL cluster under $bench_data (created by the importer's embedded
# server setup, initdb as user postgres when root), then kept running on a known port so that the app, psql and the
# importer all use the same server. Sets: import (the importer command), bench (the benchmarks' command: synth,
# bench-chart), conn, psql_, pg_port; stop_cluster stops it.
# Needs: bench_data, root_dir.

command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
pg_bin=$(dirname "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
[ -x "$pg_bin/pg_ctl" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then as_postgres=(runuser -u postgres --); else as_postgres=(); fi
pg_port=$((20000 + RANDOM % 10000))
pg_started=""

dotnet build "$root_dir/src/ParkMetrics.Import" -c Release --nologo -v quiet >/dev/null
dotnet build "$root_dir/tests/ParkMetrics.Benchmarks" -c Release --nologo -v quiet >/dev/null
import=(dotnet "$root_dir/src/ParkMetrics.Import/bin/Release/net10.0/ParkMetrics.Import.dll")
# Synthetic data and the chart query's timing: benchmark-only, in tests/ParkMetrics.Benchmarks.
bench=(dotnet "$root_dir/tests/ParkMetrics.Benchmarks/bin/Release/net10.0/ParkMetrics.Benchmarks.dll")

start_cluster() {
  rm -rf "$bench_data"
  mkdir -p "$bench_data"
  "${import[@]}" migrate --data-dir "$bench_data"
  "${as_postgres[@]}" "$pg_bin/pg_ctl" start -D "$bench_data/data" -w -t 60 -l "$bench_data/postgres.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" >/dev/null
  pg_started=1
  local password
  password=$(cat "$bench_data/password")
  conn="Host=127.0.0.1;Port=$pg_port;Username=parkmetrics;Password=$password;Database=parkmetrics"
  export PGPASSWORD="$password"
  psql_=(psql -X -q -h 127.0.0.1 -p "$pg_port" -U parkmetrics -d parkmetrics)
}

stop_cluster() {
  if [ -n "$pg_started" ]; then "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$bench_data/data" -m fast -w >/dev/null 2>&1 || true; pg_started=""; fi
}

# Writes the synthetic observations (parks synth-…) to $1 in the seed's columns, as an admin's large file would be.
export_synthetic_csv() {
  "${psql_[@]}" -c "\\copy (SELECT p.\"Code\" AS park, e.\"Name\" AS subject, i.\"Code\" AS indicator, o.\"PeriodKind\" AS period_kind,
      o.\"PeriodStart\" AS period_start, o.\"PeriodEnd\" AS period_end, trim_scale(o.\"ReportedValue\") AS value, o.\"ReportedUnit\" AS unit,
      o.\"Qualifier\" AS qualifier, s.\"Code\" AS source, o.\"Quote\" AS quote
    FROM \"Observations\" o JOIN \"Parks\" p ON p.\"Id\" = o.\"ParkId\" LEFT JOIN \"Enterprises\" e ON e.\"Id\" = o.\"EnterpriseId\"
      JOIN \"Indicators\" i ON i.\"Id\" = o.\"IndicatorId\" JOIN \"Sources\" s ON s.\"Id\" = o.\"SourceId\"
    WHERE p.\"Code\" LIKE 'synth-%' ORDER BY o.\"Id\") TO '$1' WITH CSV HEADER"
}

# Deletes the synthetic observations (their parks, enterprises and source stay, for a file to refer to).
clear_synthetic_observations() {
  "${psql_[@]}" -c "DELETE FROM \"Observations\" WHERE \"ParkId\" IN (SELECT \"Id\" FROM \"Parks\" WHERE \"Code\" LIKE 'synth-%')" \
    -c 'VACUUM ANALYZE "Observations"'
}

synthetic_observation_count() {
  "${psql_[@]}" -Atc "SELECT count(*) FROM \"Observations\" WHERE \"ParkId\" IN (SELECT \"Id\" FROM \"Parks\" WHERE \"Code\" LIKE 'synth-%')"
}
