"""Shell and PowerShell scripts and dotenv files."""

from .kinds import jwt
from .negatives import semver, sha256
from .rand import ALNUM, DIG, LO, b64, hexs, password, rs, uuid4
from .registry import S, corpus_file
from .text import T


@corpus_file("ops/backup-db.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        # Nightly logical backup of the orders database to S3.
        set -euo pipefail

        export AWS_ACCESS_KEY_ID=%%kid%%
        export AWS_SECRET_ACCESS_KEY='%%sec%%'
        export AWS_DEFAULT_REGION=eu-west-1

        STAMP=$(date -u +%Y%m%dT%H%M%SZ)
        OUT="/var/backups/orders-${STAMP}.sql.gz"

        mysqldump --single-transaction -h orders-db.internal -u backup -p'%%pw%%' orders | gzip > "$OUT"
        sha256sum "$OUT" > "$OUT.sha256"
        aws s3 cp "$OUT" "s3://acme-backups/orders/${STAMP}.sql.gz"

        curl -fsS -X POST -H "Authorization: Bearer %%hc%%" \\
          "https://healthchecks.acme.dev/api/v1/checks/%%check%%/pings"
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"),
        pw=S("generic-password", password(16, symbols="")), hc=S("bearer-token", rs(ALNUM, 32)), check=uuid4())


@corpus_file("ci/publish.sh")
def _():
    return T('''
        #!/bin/sh
        set -e

        cat > ~/.npmrc <<EOF
        //registry.npmjs.org/:_authToken=%%npm%%
        always-auth=true
        EOF

        echo "%%docker%%" | docker login -u acmebot --password-stdin
        docker push acme/api:"${GIT_SHA:-latest}"

        npm publish --access public
        ''', npm=S("npm-token"), docker=S("dockerhub-pat"))


@corpus_file("ci/bootstrap.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        # Pulls every secret at runtime; nothing is stored in the repository.
        set -euo pipefail

        : "${VAULT_ADDR:?VAULT_ADDR must be set}"
        export DB_PASSWORD="$(vault kv get -field=password secret/orders/db)"
        export STRIPE_SECRET_KEY="$(aws secretsmanager get-secret-value --secret-id prod/stripe --query SecretString --output text)"
        export GITHUB_TOKEN="${GITHUB_TOKEN:-$(gh auth token)}"
        export API_KEY="$(gcloud secrets versions access latest --secret=orders-api-key)"
        export SENTRY_AUTH_TOKEN="$(op read op://ci/sentry/token)"

        TOKEN=${1:-}
        if [ -z "$TOKEN" ]; then
          echo "usage: $0 <token>" >&2
          exit 64
        fi
        curl -fsS -H "Authorization: Bearer $TOKEN" https://api.acme.dev/v1/ping
        curl -fsS -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com/user
        echo "sha256: %%h%%"
        ''', h=sha256())


@corpus_file("ops/gitlab-runner-register.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail

        gitlab-runner register \\
          --non-interactive \\
          --url "https://gitlab.acme.dev/" \\
          --registration-token "%%reg%%" \\
          --executor docker \\
          --docker-image alpine:3.19 \\
          --description "docker-runner-$(hostname)" \\
          --tag-list "docker,linux"

        # newer runners authenticate with a runner token instead
        gitlab-runner register --non-interactive --url https://gitlab.acme.dev --token %%glrt%% --executor shell
        ''', reg=S("gitlab-runner-registration-token"), glrt=S("gitlab-runner-token"))


@corpus_file("ops/rotate-keys.ps1")
def _():
    return T('''
        # Rotates the storage keys and posts to the ops channel.
        param([string]$ResourceGroup = "rg-portal-prod")

        $webhook = "%%teams%%"
        $account = "acmeportal"

        $keys = az storage account keys renew --resource-group $ResourceGroup --account-name $account --key primary | ConvertFrom-Json
        $body = @{ text = "Rotated primary key of $account at $(Get-Date -Format o)" } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri $webhook -Body $body -ContentType "application/json"
        ''', teams=S("teams-webhook")).replace("\n", "\r\n")  # Windows line endings


@corpus_file("ops/cloudflare-purge.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        ZONE_ID="%%zone%%"
        CF_API_TOKEN="%%tok%%"
        # legacy global key, still used by the DNS exporter
        CF_API_KEY=%%glob%%
        CF_EMAIL=ops@acme.dev

        curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \\
          -H "Authorization: Bearer ${CF_API_TOKEN}" \\
          -H "Content-Type: application/json" \\
          --data '{"purge_everything":true}'
        ''', zone=hexs(32), tok=S("cloudflare-api-token"), glob=S("cloudflare-global-api-key"))


@corpus_file("ops/deploy-heroku.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail
        export HEROKU_API_KEY=%%new%%
        # old key kept for the staging pipeline until it is migrated
        HEROKU_API_KEY_STAGING="%%old%%"
        heroku container:push web -a acme-api
        heroku container:release web -a acme-api
        ''', new=S("heroku-api-key"), old=S("heroku-api-key-legacy"))


@corpus_file("ops/api-smoke-test.sh")
def _():
    user, pw = "smoke", password(16, symbols="")
    basic = b64(f"{user}:{pw}".encode())
    return T('''
        #!/usr/bin/env bash
        set -eu
        BASE=${BASE:-https://api.acme.dev}

        curl -fsS "$BASE/healthz"
        curl -fsS -H "Authorization: Basic %%basic%%" "$BASE/v1/admin/stats"
        curl -fsS "$BASE/v1/export?format=csv&api_key=%%qkey%%" -o /tmp/export.csv
        curl -fsS -u "deploy:%%upw%%" "$BASE/v1/deploys" | jq '.[0]'
        ''', basic=S("basic-auth-header", basic, decoded=f"{user}:{pw}"),
        qkey=S("url-query-api-key", rs(ALNUM, 32)), upw=S("curl-user-password", password(18, symbols="")))


# ---------------------------------------------------------------------------------------------
# dotenv

@corpus_file(".env")
def _():
    return T('''
        # local overrides — DO NOT COMMIT (oops)
        NODE_ENV=development
        PORT=3000
        DATABASE_URL=postgres://app:%%pg%%@localhost:5432/app_dev
        REDIS_URL=redis://:%%redis%%@cache.internal:6379/0
        OPENAI_API_KEY=%%oa%%
        ANTHROPIC_API_KEY="%%ant%%"
        GITHUB_TOKEN=%%gh%%
        GITLAB_TOKEN='%%gl%%'
        SENTRY_DSN=https://%%dsnk%%@o%%org%%.ingest.sentry.io/%%proj%%
        LINEAR_API_KEY=%%lin%%
        FIGMA_TOKEN=%%fig%%
        FEATURE_FLAGS=new-checkout,dark-mode
        LOG_LEVEL=debug
        ''', pg=S("postgres-url-password", password(16, symbols="")),
        redis=S("redis-url-password", password(24, symbols="")), oa=S("openai-legacy-key"),
        ant=S("anthropic-api-key"), gh=S("github-pat-classic"), gl=S("gitlab-pat"), dsnk=hexs(32),
        org=rs(DIG, 6), proj=rs(DIG, 7), lin=S("linear-api-key"), fig=S("figma-pat"))


@corpus_file("deploy/.env.production")
def _():
    return T('''
        DATABASE_URL="mysql://shop:%%my%%@shop-db.prod.internal:3306/shop"
        AMQP_URL=amqps://orders:%%amqp%%@rabbit.prod.internal:5671/orders
        SENTRY_AUTH_TOKEN=%%sentry%%
        SENTRY_USER_TOKEN=%%sentryu%%
        DD_API_KEY=%%dd%%
        DD_APP_KEY=%%ddapp%%
        NEW_RELIC_LICENSE_KEY=%%nrl%%
        NEW_RELIC_API_KEY=%%nrak%%
        SHOPIFY_ACCESS_TOKEN=%%shpat%%
        SHOPIFY_API_SECRET=%%shpss%%
        OP_SERVICE_ACCOUNT_TOKEN=%%op%%
        DOPPLER_TOKEN=%%dp%%
        ''', my=S("mysql-url-password", password(18, symbols="")),
        amqp=S("amqp-url-password", password(20, symbols="")), sentry=S("sentry-org-token"),
        sentryu=S("sentry-user-token"), dd=S("datadog-api-key"), ddapp=S("datadog-app-key"),
        nrl=S("newrelic-license-key"), nrak=S("newrelic-user-key"), shpat=S("shopify-access-token"),
        shpss=S("shopify-shared-secret"), op=S("onepassword-service-account-token"),
        dp=S("doppler-service-token"))


@corpus_file("web/.env.local")
def _():
    svc = jwt({"iss": "supabase", "ref": rs(LO, 20), "role": "service_role", "iat": 1718000000, "exp": 2033576000})
    return T('''
        NEXT_PUBLIC_SUPABASE_URL=https://%%ref%%.supabase.co
        SUPABASE_SERVICE_ROLE_KEY=%%svc%%
        SUPABASE_ACCESS_TOKEN=%%sbp%%
        PLANETSCALE_TOKEN=%%ps%%
        PLANETSCALE_DB_PASSWORD=%%pspw%%
        NETLIFY_AUTH_TOKEN=%%nf%%
        RENDER_API_KEY=%%rnd%%
        NEXT_PUBLIC_APP_VERSION=%%ver%%
        ''', ref=rs(LO, 20), svc=S("jwt", svc), sbp=S("supabase-pat"),
        ps=S("planetscale-token"), pspw=S("planetscale-password"), nf=S("netlify-pat"), rnd=S("render-api-key"),
        ver=semver())


@corpus_file("shopify-app/.env")
def _():
    return T('''
        SHOPIFY_API_SECRET=%%sec%%
        SHOPIFY_APP_TOKEN=%%shpca%%
        SHOPIFY_PRIVATE_APP_PASSWORD=%%shppa%%
        SCOPES=write_products,read_orders
        HOST=https://shop-app.acme.dev
        ''', sec=S("shopify-shared-secret"), shpca=S("shopify-custom-app-token"),
        shppa=S("shopify-private-app-token"))


@corpus_file("ml/.env.sample")
def _():
    return T('''
        # Copy to .env and fill in.
        OPENAI_API_KEY=sk-...
        ANTHROPIC_API_KEY=sk-ant-xxxxxxxx
        HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        WANDB_API_KEY=<wandb key>
        PINECONE_API_KEY=${PINECONE_API_KEY}
        DATABASE_URL=postgres://user:password@localhost:5432/ml
        REDIS_URL=redis://localhost:6379
        S3_BUCKET=acme-ml-datasets
        ''')
