# Sourced by .ci/run: installs Debian's Chromium (if missing) for the server's browser tests and
# exports its path as DATELINE_CHROMIUM. Playwright drives this browser; it never downloads one.
# Idempotent and quiet; fails with a clear message when Chromium cannot be installed.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium.sh: Chromium is not installed and this is not root: run as root, or apt-get install chromium" >&2
    return 1
  fi
  echo "chromium.sh: installing Chromium from Debian's packages" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/dev/null 2>&1 \
    || { echo "chromium.sh: apt-get install chromium failed" >&2; return 1; }
fi
DATELINE_CHROMIUM="$(command -v chromium)"
export DATELINE_CHROMIUM
echo "Chromium for the browser tests: $DATELINE_CHROMIUM ($("$DATELINE_CHROMIUM" --version 2>/dev/null | head -n 1))"
