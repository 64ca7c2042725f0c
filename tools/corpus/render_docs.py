"""Markdown docs and Jupyter notebooks."""

import json

from .negatives import AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, JWT_IO_EXAMPLE, png_bytes, semver, sha1, sha256
from .rand import DIG, R, UPALNUM, b64, hexs, password, rs, uuid4
from .registry import S, corpus_file
from .text import T


@corpus_file("README.md")
def _():
    return T('''
        # acme-platform

        Monorepo for the Acme shop: web front end, orders and billing services, infrastructure.

        ## Getting started

        ```bash
        cp .env.example .env
        # fill in the values below, then
        docker compose up -d
        ```

        | Variable | Example | Notes |
        |---|---|---|
        | `AWS_ACCESS_KEY_ID` | `%%exid%%` | from the AWS docs; use your own |
        | `AWS_SECRET_ACCESS_KEY` | `%%exsec%%` | |
        | `GITHUB_TOKEN` | `ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` | needs `repo` scope |
        | `STRIPE_SECRET_KEY` | `sk_live_...` | test mode: `sk_test_...` |
        | `OPENAI_API_KEY` | `<your-api-key>` | |
        | `DATABASE_URL` | `postgres://user:password@localhost:5432/app` | |

        Authenticate API calls with a bearer token:

        ```http
        GET /v1/orders HTTP/1.1
        Host: api.acme.dev
        Authorization: Bearer <token>
        ```

        A JWT looks like this (the example from jwt.io):

            %%jwtio%%

        ## Releases

        The latest release is v%%ver%% (commit `%%sha%%`). Checksums:

        ```
        %%h1%%  acme-linux-amd64.tar.gz
        %%h2%%  acme-darwin-arm64.tar.gz
        ```
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET, jwtio=JWT_IO_EXAMPLE, ver=semver(), sha=sha1(),
        h1=sha256(), h2=sha256())


@corpus_file("docs/runbooks/incident-2024-03-payments.md")
def _():
    return T('''
        # Incident 2024-03-14: payment webhooks failing

        **Status:** resolved · **Severity:** SEV-2 · **Owner:** @jdoe

        ## Timeline (UTC)

        - 09:12 alerts fire for `stripe_webhook_failures_total`
        - 09:20 on-call finds the signing secret was rotated but not deployed
        - 09:31 hotfix: set the new secret directly on the pods

          ```
          kubectl -n billing set env deploy/billing STRIPE_WEBHOOK_SECRET=%%wh%%
          ```

        - 09:40 webhooks recover; backlog drained by 10:05

        ## Debugging notes

        Reproduced locally with the Stripe CLI using a restricted key borrowed from the billing team:
        `stripe listen --api-key %%rk%% --forward-to localhost:8000/webhooks/stripe`

        Trace id of the first failure: `%%trace%%`.

        ## Follow-ups

        - [ ] rotate the key above (it was pasted into this doc)
        - [ ] move the secret to External Secrets
        ''', wh=S("stripe-webhook-secret"), rk=S("stripe-restricted-key"), trace=hexs(32))


@corpus_file("docs/api/authentication.md")
def _():
    return T('''
        # Authentication

        All requests need an API key in the `Authorization` header:

        ```sh
        curl https://api.acme.dev/v1/orders \\
          -H "Authorization: Bearer $ACME_API_KEY"
        ```

        Keys look like `acme_live_<32 characters>`; test keys start with `acme_test_`. Never commit
        them. Use a placeholder such as `acme_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` in docs.

        ## Postman

        Import the collection with the Postman API:

        ```sh
        curl -H "X-Api-Key: %%pmak%%" https://api.getpostman.com/collections
        ```

        ## Webhook signatures

        We sign each webhook with HMAC-SHA256; the header looks like
        `Acme-Signature: t=1717171717,v1=%%sig%%`.
        ''', pmak=S("postman-api-key"), sig=hexs(64))


@corpus_file("docs/setup/local-dev.md")
def _():
    return T('''
        # Local development

        1. Install the toolchain: `mise install`.
        2. Log in to the internal registry:

           ```
           npm config set //npm.acme.dev/:_authToken "${ACME_NPM_TOKEN}"
           ```

        3. Start the stack with `docker compose up`.

        ### Feature flags

        The LaunchDarkly SDK key is injected by the dev container. For scripts that manage flags use
        the API key of the `flags-bot` service account:

        ```
        LD_API_KEY=%%ld%%
        ```

        ### Typeform and Readme

        ```yaml
        typeform:
          token: %%tf%%
        readme:
          api_key: %%rdme%%
        ```

        Commit ids referenced here: `%%sha1%%`, `%%sha2%%`.
        ''', ld=S("launchdarkly-api-key"), tf=S("typeform-pat"), rdme=S("readme-api-key"), sha1=sha1(), sha2=sha1())


@corpus_file("CHANGELOG.md")
def _():
    out = ["# Changelog\n"]
    for i in range(12):
        out.append(f"## [{semver()}] - 2024-{(i % 12) + 1:02d}-{R.randrange(1, 28):02d}\n")
        for _ in range(R.randrange(2, 5)):
            what = R.choice(["Fix token refresh race", "Rotate signing keys on deploy",
                             "Add password strength meter", "Hash API keys at rest with SHA-256",
                             "Bump lodash to address CVE-2021-23337", "Support secret manager lookups"])
            out.append(f"- {what} ({hexs(7)}, #{R.randrange(100, 2000)})")
        out.append("")
    return "\n".join(out) + "\n"


@corpus_file("docs/adr/0007-secrets-management.md")
def _():
    return T('''
        # ADR 0007: Secrets management

        ## Context

        Secrets used to live in `.env` files and CI variables. Several leaked into the repository,
        e.g. a token of the form `xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx`
        (redacted example) in a shell script.

        ## Decision

        - Runtime secrets come from AWS Secrets Manager via External Secrets.
        - CI secrets come from OIDC federation; no long-lived `AKIA...` keys.
        - Local development uses `op run --env-file=.env.op` with references like
          `op://dev/stripe/secret_key`.
        - Pre-commit runs a secret scanner.

        ## Consequences

        Rotating a secret is a single `aws secretsmanager put-secret-value` call. The previous
        values (`PASSWORD=********`, `TOKEN=[REDACTED]`) have been revoked.
        ''')


@corpus_file("docs/integrations/slack-app.md")
def _():
    return T('''
        # Slack app "Acme Ops"

        Socket-mode app used by the on-call bot.

        | Setting | Value |
        |---|---|
        | App ID | A%%appid%% |
        | App-level token | `%%xapp%%` |
        | User token (admin) | `%%xoxp%%` |
        | Signing secret | stored in 1Password |

        Brevo (transactional mail) key for the digest job: `%%brevo%%`
        ''', appid=rs(UPALNUM, 10), xapp=S("slack-app-token"), xoxp=S("slack-user-token"), brevo=S("brevo-api-key"))


# ---------------------------------------------------------------------------------------------
# Jupyter notebooks

def notebook(cells):
    nb_cells = []
    for kind, src, outputs in cells:
        lines = src.split("\n")
        cell = {"cell_type": kind, "metadata": {}, "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]}
        if kind == "code":
            cell["execution_count"] = R.randrange(1, 40)
            cell["outputs"] = outputs or []
        nb_cells.append(cell)
    return json.dumps({"cells": nb_cells, "metadata": {"kernelspec": {"display_name": "Python 3",
                       "language": "python", "name": "python3"}, "language_info": {"name": "python",
                       "version": "3.11.7"}}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


@corpus_file("ml/notebooks/explore_embeddings.ipynb")
def _():
    oa, ant = S("openai-legacy-key"), S("anthropic-admin-key")
    img = {"output_type": "display_data", "metadata": {}, "data": {
        "image/png": b64(png_bytes(24, 16)), "text/plain": ["<Figure size 640x480 with 1 Axes>"]}}
    return notebook([
        ("markdown", "# Embedding exploration\nCompare embedding models on the support-ticket set.", None),
        ("code", f'import os\nimport openai\nopenai.api_key = "{oa}"\nos.environ["ANTHROPIC_ADMIN_KEY"] = "{ant}"', None),
        ("code", "import pandas as pd\ndf = pd.read_parquet('tickets.parquet')\ndf.head()",
         [{"output_type": "execute_result", "execution_count": 3, "metadata": {},
           "data": {"text/plain": [f"   id  ticket_uuid\n0   1  {uuid4()}\n1   2  {uuid4()}"]}}]),
        ("code", "import matplotlib.pyplot as plt\nplt.plot(df['score'])", [img]),
    ])


@corpus_file("ml/notebooks/eval_report.ipynb")
def _():
    img = {"output_type": "display_data", "metadata": {}, "data": {"image/png": b64(png_bytes(32, 20))}}
    return notebook([
        ("markdown", "## Evaluation\nResults of run `" + hexs(8) + "`.", None),
        ("code", "import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ['OPENAI_API_KEY'])\nRUN_ID = '" + uuid4() + "'", None),
        ("code", "scores.plot()", [img]),
        ("code", "print(hashlib.sha256(open('preds.jsonl','rb').read()).hexdigest())",
         [{"output_type": "stream", "name": "stdout", "text": [sha256() + "\n"]}]),
    ])


@corpus_file("data/notebooks/warehouse_etl.ipynb")
def _():
    pw = password(18, symbols="")
    return notebook([
        ("markdown", "# Nightly warehouse ETL (prototype)", None),
        ("code", f"import sqlalchemy as sa\nengine = sa.create_engine('snowflake://etl:{S('snowflake-url-password', pw)}@acme-xy12345/analytics/public?warehouse=etl_wh')", None),
        ("code", f"DATABRICKS_HOST = 'https://adb-{rs(DIG, 16)}.7.azuredatabricks.net'\nDATABRICKS_TOKEN = '{S('databricks-token')}'", None),
        ("code", f"from prefect import flow\nPREFECT_API_KEY = '{S('prefect-api-key')}'",
         [{"output_type": "stream", "name": "stdout", "text": ["flow run 'silver-otter' created\n"]}]),
    ])
