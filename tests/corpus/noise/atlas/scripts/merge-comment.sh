#!/usr/bin/env bash
set -euo pipefail

: "${GITHUB_TOKEN:?must be set}"
TOKEN="${TOKEN:-$(vault kv get -field=token secret/atlas/ci)}"
IMAGE="ghcr.io/atlas/app@sha256:274394d891176dc52ed8045281605929b93893527d032423089ce572de5595d0"

curl -fsS -H "Authorization: Bearer ${TOKEN}" https://api.atlas.dev/v1/deploys \
  -d "{\"image\": \"${IMAGE}\", \"sha\": \"$(git rev-parse HEAD)\"}"
echo "deployed 6.24.22"
