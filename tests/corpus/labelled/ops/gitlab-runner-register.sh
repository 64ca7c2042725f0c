#!/usr/bin/env bash
set -euo pipefail

gitlab-runner register \
  --non-interactive \
  --url "https://gitlab.acme.dev/" \
  --registration-token "GR1348941Y3bP5Y6gxWWOoq8nMZDC" \
  --executor docker \
  --docker-image alpine:3.19 \
  --description "docker-runner-$(hostname)" \
  --tag-list "docker,linux"

# newer runners authenticate with a runner token instead
gitlab-runner register --non-interactive --url https://gitlab.acme.dev --token glrt-aLfGgXffHBw6P4p9KjJF --executor shell
