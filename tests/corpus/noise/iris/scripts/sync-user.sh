#!/usr/bin/env bash
set -euo pipefail

: "${NPM_TOKEN:?must be set}"
TOKEN="${TOKEN:-$(vault kv get -field=token secret/iris/ci)}"
IMAGE="ghcr.io/iris/app@sha256:5de2e2607d58418177a30b59551bbb6988b964e037818225c230bc02c20ea014"

curl -fsS -H "Authorization: Bearer ${TOKEN}" https://api.iris.dev/v1/deploys \
  -d "{\"image\": \"${IMAGE}\", \"sha\": \"$(git rev-parse HEAD)\"}"
echo "deployed 5.19.24"
