#!/bin/sh
curl -fsS -H "Authorization: Bearer f49e7770104a8234143eeb981297a100ee324c71" https://ledger.internal/v1/health
curl -fsS -H "Authorization: token f24b08409bf36dd353304124dbfb9969754e3bf5" https://git.internal/api/v3/user
curl -fsS -H 'Authorization: Bearer W7VpbM5OiQTgfViwRs3F4KumKiloFLDIeDvmYi2vsY3' https://ledger.internal/v1/accounts
curl -fsS -H "Authorization: Bearer $LEDGER_TOKEN" https://ledger.internal/v1/me
curl -fsS -H "Authorization: Bearer <token>" https://ledger.internal/v1/me
