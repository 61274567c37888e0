# What the browser and document tests need beyond .NET and PostgreSQL. Sourced, not run.
# Debian's chromium (Playwright drives it; no browser of Playwright's own is downloaded) and Node.js with the exact
# npm packages of tests/CaseLedger.Tests/Node (Redocly CLI, axe-core), installed only when missing.

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  echo "Installing the Debian packages: $*" >&2
  apt-get update -qq >&2 && apt-get install -y -qq "$@" >&2
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium || { echo "Could not install chromium; the page tests need it." >&2; return 1; }
}

ensure_node_tools() {
  local tools=$1
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || { echo "Could not install Node.js and npm; the document and page tests need them." >&2; return 1; }
  fi
  # npm ci again only when the lock file changed since the last install.
  if [ ! -f "$tools/node_modules/.package-lock.json" ] || ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.installed-lock"; then
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >&2) || { echo "npm ci failed in $tools." >&2; return 1; }
    cp "$tools/package-lock.json" "$tools/node_modules/.installed-lock"
  fi
}
