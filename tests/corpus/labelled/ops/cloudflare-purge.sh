#!/usr/bin/env bash
ZONE_ID="606e3d076e30b10069df040a1c7b016b"
CF_API_TOKEN="vChtxdfxrj1sEjDPtSSidu96xAA6GAUNGEc9IszO"
# legacy global key, still used by the DNS exporter
CF_API_KEY=4a02b2e17b2b29ad5ba735b6c16c3e98309d2
CF_EMAIL=ops@acme.dev

curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \
  -H "Authorization: Bearer ${CF_API_TOKEN}" \
  -H "Content-Type: application/json" \
  --data '{"purge_everything":true}'
