#!/usr/bin/env bash
set -euo pipefail

: "${SESSION_SECRET:?must be set}"
TOKEN="${TOKEN:-$(vault kv get -field=token secret/ember/ci)}"
IMAGE="ghcr.io/ember/app@sha256:085a39cbd6cd6b091e794dd07b065a96313afc7440751e435c92de7fb00dceb0"

curl -fsS -H "Authorization: Bearer ${TOKEN}" https://api.ember.dev/v1/deploys \
  -d "{\"image\": \"${IMAGE}\", \"sha\": \"$(git rev-parse HEAD)\"}"
echo "deployed 6.3.7"
