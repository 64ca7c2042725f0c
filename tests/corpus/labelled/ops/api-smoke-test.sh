#!/usr/bin/env bash
set -eu
BASE=${BASE:-https://api.acme.dev}

curl -fsS "$BASE/healthz"
curl -fsS -H "Authorization: Basic c21va2U6eTZNVFgwc3kzc29zemtIaw==" "$BASE/v1/admin/stats"
curl -fsS "$BASE/v1/export?format=csv&api_key=ZQx9VkXMcdSeKdsEgInuZoeT0DFxj2gO" -o /tmp/export.csv
curl -fsS -u "deploy:JwCTXDvWajc1rTeci3" "$BASE/v1/deploys" | jq '.[0]'
