pid_file = "/var/run/vault-agent.pid"

vault {
  address = "https://vault.acme.dev:8200"
}

auto_auth {
  method "token_file" {
    config = {
      token_file_path = "/etc/vault/token"
    }
  }
}

# bootstrap tokens, revoke after first run
# root:  hvs.CAESIZSE7FRSWHNyya4r4b_-lHatK1lCszaYuvjOHzEmXOpJjqmIr1-Wvagpcq0icMTeEiHkkOI1pUTTwwutXSxZUn-
# batch: hvb.AAAAAQrotPwCWtD8DrypgF50s8lwIsMdCocDObUDPiWsi467RJRB_aQ_m9yf0EiNoi4jgitE2gtM3-9SKMH_D6UXvRYtMxLzIOWI2zfedXYa70RS0Zo8LaKp4zL8sPxVUzRE1H

template {
  source      = "/etc/vault/templates/db.ctmpl"
  destination = "/etc/app/db.env"
}
