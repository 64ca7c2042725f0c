#!/usr/bin/env bash
set -euo pipefail
./bin/ledger-admin --host ledger.internal --password=aqL-ixsGzyNGEBnX~Q2Z compact
mysql -h reports-db -u report -pJzfUEZnHovQqo5Hr -e "OPTIMIZE TABLE events"
curl -fsS -u backup:xArlU1Q1clUO7r1ilt https://backups.internal/api/v1/trigger
psql -h db -p 5432 -U app -c 'select 1'
cygpath -u "C:/Program Files/tool"
