# Sourced by the bench scripts.
# find_java: sets $java to a JDK 21+ ($JAVA, or the first one under /usr/lib/jvm).
# start_demo PORT PASSWORD [ARGS...]: starts target/weerbaar.jar with the demo profile on a scratch data directory in
#   $work (made here, removed on exit with the process) and waits until it is ready; $pid is the process.
# sign_in USERNAME PASSWORD: signs in through the login form; $jar is the cookie file, $csrf the token for API calls.
find_java() {
  java=${JAVA:-}
  if [ -z "$java" ]; then
    for jdk in /usr/lib/jvm/*; do
      if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then java=$jdk/bin/java; break; fi
    done
  fi
}

start_demo() {
  local port=$1 password=$2
  shift 2
  work=$(mktemp -d)
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  WEERBAAR_DEMO_PASSWORD="$password" "$java" -jar target/weerbaar.jar --spring.profiles.active=demo \
    --server.port="$port" --weerbaar.database.data-dir="$work/data" "$@" > "$work/app.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.5; done
  base="http://localhost:$port"
}

sign_in() {
  jar="$work/cookies"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base/login" --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p')
}
