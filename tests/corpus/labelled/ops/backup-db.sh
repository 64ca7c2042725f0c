#!/usr/bin/env bash
# Nightly logical backup of the orders database to S3.
set -euo pipefail

export AWS_ACCESS_KEY_ID=AKIAD6UMLVKKUJYD6OID
export AWS_SECRET_ACCESS_KEY='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'
export AWS_DEFAULT_REGION=eu-west-1

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="/var/backups/orders-${STAMP}.sql.gz"

mysqldump --single-transaction -h orders-db.internal -u backup -p'XTfcZaffodtU5Lxk' orders | gzip > "$OUT"
sha256sum "$OUT" > "$OUT.sha256"
aws s3 cp "$OUT" "s3://acme-backups/orders/${STAMP}.sql.gz"

curl -fsS -X POST -H "Authorization: Bearer H7QclzsvfKvpKw8lXPG6RqVUIder0Q3i" \
  "https://healthchecks.acme.dev/api/v1/checks/a144fa69-5d8d-4ec9-9e3a-b93847b46587/pings"
