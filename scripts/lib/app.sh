# Sourced by every script that runs the app: one way to build, start and stop it. The app is published in Release
# (as deployed: the framework's scripts and the static assets are served from the publish folder) and runs in
# Production on a loopback port, with Warning logs; extra settings are passed as NAME=VALUE (configuration keys in
# environment form, e.g. ConnectionStrings__ParkMetrics=… or Database__DataDirectory=…).
#   publish_app            publishes once into $app_dir (a temporary folder, removed by stop_app_and_clean)
#   start_app URL NAME=VALUE…  starts it, sets $app_pid, waits for /health (log in $app_log)
#   stop_app               stops it (the database it started, if embedded, with it)
#   app_rss_mb, app_peak_mb  its resident and peak memory now, in MB

app_dir=""
app_pid=""
app_log=$(mktemp --suffix=-parkmetrics-app.log)

publish_app() {
  [ -n "$app_dir" ] && return 0
  app_dir=$(mktemp -d)
  dotnet publish src/ParkMetrics.Web -c Release -o "$app_dir" --nologo -v quiet >/dev/null
}

start_app() {
  local url="$1"; shift
  publish_app
  (cd "$app_dir" && env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet ParkMetrics.Web.dll >>"$app_log" 2>&1) &
  app_pid=$!
  # The subshell's child is the app: wait for it, then take its pid so that memory is read from the app itself.
  for _ in $(seq 1 240); do
    if curl -sf "$url/health" >/dev/null 2>&1; then
      app_pid=$(pgrep -P "$app_pid" -f ParkMetrics.Web.dll || echo "$app_pid")
      return 0
    fi
    sleep 0.5
  done
  echo "the app did not start; see $app_log" >&2
  return 1
}

stop_app() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; while kill -0 "$app_pid" 2>/dev/null; do sleep 0.2; done; app_pid=""; fi
}

stop_app_and_clean() {
  stop_app
  [ -n "$app_dir" ] && rm -rf "$app_dir"
  app_dir=""
}

app_rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }
app_peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }
