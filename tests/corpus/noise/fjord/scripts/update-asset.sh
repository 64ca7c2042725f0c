#!/usr/bin/env bash
set -euo pipefail

: "${SMTP_PASSWORD:?must be set}"
TOKEN="${TOKEN:-$(vault kv get -field=token secret/fjord/ci)}"
IMAGE="ghcr.io/fjord/app@sha256:741333b6482f75c9dbcd612f157098fb3b64f8921ad7f9aafb02ad17a5509cff"

curl -fsS -H "Authorization: Bearer ${TOKEN}" https://api.fjord.dev/v1/deploys \
  -d "{\"image\": \"${IMAGE}\", \"sha\": \"$(git rev-parse HEAD)\"}"
echo "deployed 5.26.11"
