# defaults for local runs; production values come from the vault agent
export REPORTS_DB_PASS="${REPORTS_DB_PASS:-}"
export REPORTS_DB_PASS_FALLBACK=$REPORTS_DB_PASS_PROD
export REPORTS_SMTP_PASSWORD=cac30$OmcQknwT!79
