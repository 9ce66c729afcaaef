# Sourced by .ci/run: installs and starts PostgreSQL on loopback (see .ci/postgres.sh) so that
# the store's contract tests run against it as well as against SQLite.
DATELINE_TEST_POSTGRES="$(bash .ci/postgres.sh)" || return 1
export DATELINE_TEST_POSTGRES
echo "PostgreSQL for the store tests: $DATELINE_TEST_POSTGRES"
