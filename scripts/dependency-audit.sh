#!/usr/bin/env bash
# Checks every third-party component against the public vulnerability databases (OSV, which includes GitHub's
# advisories and the NVD's CVEs): the Java components from the jar's CycloneDX bill of materials, the front-end
# packages from package-lock.json. Needs network access to osv.dev and the npm registry, so it is not part of
# `./mvnw verify` (the build machines reach package registries only); run it weekly and before each release, and act
# on what it finds within the time frames of docs/security/supply-chain.md. Exit code 1 when anything is found.
set -euo pipefail
cd "$(dirname "$0")/.."

sbom=target/classes/META-INF/sbom/application.cdx.json
if [[ ! -f "$sbom" ]]; then
  ./mvnw -B -ntp -q -DskipTests -DskipFrontend=true package
fi

status=0
if command -v osv-scanner >/dev/null 2>&1; then
  osv-scanner scan source -L "$sbom" -L package-lock.json || status=1
else
  echo "osv-scanner is not installed (https://google.github.io/osv-scanner/): Java components not checked" >&2
  status=2
fi
# the front-end packages are only bundled into the jar's assets at build time, so all of them count
npm audit --audit-level=low || status=1
exit "$status"
