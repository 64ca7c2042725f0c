#!/usr/bin/env bash
set -euo pipefail
export HEROKU_API_KEY=HRKU-AAVkNc-i7w3nMR5cv437biEIXVfD70rvBwbgcjFlk3KBWABWNNZeg6tEv3p1
# old key kept for the staging pipeline until it is migrated
HEROKU_API_KEY_STAGING="3b2053d6-acf4-46dd-8955-5b9843a152b0"
heroku container:push web -a acme-api
heroku container:release web -a acme-api
