#!/bin/sh
set -eu
curl -fsS -H 'Authorization: token c886c15cd91b3fb6e32d64186ef293d59eed0cf0' \
  -d @notes.json https://git.internal.example.net/api/v3/repos/acme/shop/releases
