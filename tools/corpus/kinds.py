"""Token makers: one function per secret kind, from each provider's documented shape.

TOKENS maps a label kind to a function that returns a fresh random token of that kind (prefix,
length, alphabet, checksum); jwt() signs a JSON Web Token with a random key.
"""

import hashlib
import hmac
import json
import zlib

from .rand import (ALNUM, B62, B64, B64URL, BASE32AWS, DIG, HEXU, LO, LOALNUM, R, UP, UPALNUM, b64, b64url,
                   hexs, rbytes, rs, uuid4)


def jwt(payload, header=None):
    header = header or {"alg": "HS256", "typ": "JWT"}
    h = b64url(json.dumps(header, separators=(",", ":")).encode())
    p = b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(rbytes(32), f"{h}.{p}".encode(), hashlib.sha256).digest()
    return f"{h}.{p}.{b64url(sig)}"


def b62_checksum(body):
    num, out = zlib.crc32(body.encode()), ""
    while num:
        num, r = divmod(num, 62)
        out = B62[r] + out
    return out.rjust(6, "0")


def checksummed(prefix):
    """GitHub / npm style: 30 random base62 chars + base62 CRC32 of them (6 chars)."""
    body = rs(ALNUM, 30)
    return prefix + body + b62_checksum(body)


def _pypi_token():
    ident = json.dumps({"version": 1, "permissions": "user"}).encode()
    caveat = json.dumps({"version": 1, "permissions": {"projects": ["acme-sdk"]}}).encode()
    mac = (b"\x02" + b"\x01\x08pypi.org" + b"\x02" + bytes([len(ident)]) + ident + b"\x00"
           + b"\x02\x24" + uuid4().encode() + b"\x00" + b"\x02" + bytes([len(caveat)]) + caveat
           + b"\x00\x00" + b"\x06\x20" + rbytes(32))
    return "pypi-" + b64url(mac)


def _discord_bot():
    uid = str(R.randrange(10 ** 17, 10 ** 18 * 2))
    return b64url(uid.encode()) + "." + rs(B64URL, 6) + "." + rs(B64URL, 38)


def _sentry_org():
    claims = {"iat": R.randrange(1700000000, 1730000000), "url": "https://sentry.io",
              "region_url": "https://us.sentry.io", "org": "acme"}
    return "sntrys_" + b64url(json.dumps(claims, separators=(",", ":")).encode()) + "_" + rs(ALNUM, 43)


def _onepassword():
    claims = {"signInAddress": "acme.1password.com", "userAuth": {"method": "SRPg-4096",
              "alg": "PBES2g-HS256", "iterations": 650000, "salt": b64url(rbytes(16))},
              "email": f"{rs(LO, 12)}@1passwordserviceaccounts.com", "srpX": hexs(64),
              "muk": {"alg": "A256GCM", "ext": True, "k": b64url(rbytes(32)), "key_ops": ["encrypt", "decrypt"],
                      "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(UPALNUM, 6) + "-" + rs(UPALNUM, 6),
              "throttleSecret": {"seed": hexs(64), "uuid": rs(UPALNUM, 26)}, "deviceUuid": rs(LOALNUM, 26)}
    return "ops_" + b64url(json.dumps(claims, separators=(",", ":")).encode())


def _grafana_cloud():
    claims = {"o": str(R.randrange(100000, 999999)), "n": "stack-" + str(R.randrange(100000, 999999)) + "-hm-write",
              "k": rs(ALNUM, 24), "m": {"r": "prod-us-east-0"}}
    return "glc_" + b64url(json.dumps(claims, separators=(",", ":")).encode())


def _mapbox():
    claims = {"u": "acme-maps", "a": rs(LOALNUM, 25)}
    return "sk." + b64url(json.dumps(claims, separators=(",", ":")).encode()) + "." + rs(B64URL, 22)


def _twitter_bearer():
    return ("A" * 22 + rs(ALNUM, 8) + "A" * 8 + rs(ALNUM, 20) + "%2B" + rs(ALNUM, 16) + "%3D"
            + rs(ALNUM, 50))


def _openai(prefix, n=74):
    return prefix + rs(B64URL, n) + "T3BlbkFJ" + rs(B64URL, n)


TOKENS = {
    # cloud
    "aws-access-key-id": lambda: "AKIA" + rs(BASE32AWS, 16),
    "aws-temporary-access-key-id": lambda: "ASIA" + rs(BASE32AWS, 16),
    "aws-secret-access-key": lambda: rs(B64, 40),
    "aws-session-token": lambda: "IQoJb3JpZ2luX2VjE" + rs(B64, 380) + "==",
    "gcp-api-key": lambda: "AIza" + rs(B64URL, 35),
    "gcp-oauth-client-secret": lambda: "GOCSPX-" + rs(B64URL, 28),
    "gcp-oauth-access-token": lambda: "ya29." + rs(B64URL, 150),
    "gcp-oauth-refresh-token": lambda: "1//0" + rs(B64URL, 99),
    "fcm-server-key": lambda: "AAAA" + rs(B64URL, 7) + ":APA91b" + rs(B64URL, 134),
    "azure-storage-account-key": lambda: b64(rbytes(64)),
    "azure-cosmosdb-key": lambda: b64(rbytes(64)),
    "azure-service-bus-key": lambda: b64(rbytes(32)),
    "azure-sas-signature": lambda: b64(rbytes(32)),
    "azure-ad-client-secret": lambda: rs(ALNUM, 3) + R.choice(DIG) + "Q~" + rs(ALNUM + "_~.-", 34),
    "azure-devops-pat": lambda: rs(LO + "234567", 52),
    "digitalocean-pat": lambda: "dop_v1_" + hexs(64),
    "digitalocean-oauth-token": lambda: "doo_v1_" + hexs(64),
    "alibaba-access-key-id": lambda: "LTAI" + rs(ALNUM, 20),
    "alibaba-access-key-secret": lambda: rs(ALNUM, 30),
    "ibm-cloud-api-key": lambda: rs(B64URL, 44),
    "heroku-api-key": lambda: "HRKU-AA" + rs(B64URL, 58),
    "heroku-api-key-legacy": uuid4,
    "cloudflare-api-token": lambda: rs(B64URL, 40),
    "cloudflare-global-api-key": lambda: hexs(37),
    "cloudflare-origin-ca-key": lambda: "v1.0-" + hexs(24) + "-" + hexs(146),
    "flyio-token": lambda: "fo1_" + rs(B64URL, 43),
    "linode-token": lambda: hexs(64),
    # source hosting, CI
    "github-pat-classic": lambda: checksummed("ghp_"),
    "github-oauth-token": lambda: checksummed("gho_"),
    "github-user-to-server-token": lambda: checksummed("ghu_"),
    "github-server-to-server-token": lambda: checksummed("ghs_"),
    "github-refresh-token": lambda: checksummed("ghr_"),
    "github-fine-grained-pat": lambda: "github_pat_" + "11" + rs(UPALNUM, 20) + "_" + rs(ALNUM, 59),
    "gitlab-pat": lambda: "glpat-" + rs(B64URL, 20),
    "gitlab-pipeline-trigger-token": lambda: "glptt-" + hexs(40),
    "gitlab-deploy-token": lambda: "gldt-" + rs(B64URL, 20),
    "gitlab-runner-token": lambda: "glrt-" + rs(B64URL, 20),
    "gitlab-runner-registration-token": lambda: "GR1348941" + rs(B64URL, 20),
    "gitlab-feed-token": lambda: "glft-" + rs(B64URL, 20),
    "gitlab-oauth-app-secret": lambda: "gloas-" + hexs(64),
    "gitlab-agent-token": lambda: "glagent-" + rs(B64URL, 50),
    "bitbucket-app-password": lambda: "ATBB" + rs(ALNUM, 24) + rs(HEXU, 8),
    "atlassian-api-token": lambda: "ATATT3xFfGF0" + rs(B64URL, 171) + "=" + rs(HEXU, 8),
    "circleci-pat": lambda: "CCIPAT_" + rs(ALNUM, 22) + "_" + hexs(40),
    "travis-ci-token": lambda: rs(ALNUM, 22),
    "buildkite-token": lambda: "bkua_" + hexs(40),
    "sonarqube-token": lambda: "squ_" + hexs(40),
    "sonarqube-project-token": lambda: "sqp_" + hexs(40),
    # package registries
    "npm-token": lambda: checksummed("npm_"),
    "pypi-token": _pypi_token,
    "rubygems-api-key": lambda: "rubygems_" + hexs(48),
    "nuget-api-key": lambda: "oy2" + rs(LOALNUM, 43),
    "dockerhub-pat": lambda: "dckr_pat_" + rs(B64URL, 27),
    "crates-io-token": lambda: "cio" + rs(ALNUM, 32),
    "artifactory-api-key": lambda: "AKCp8" + rs(ALNUM, 68),
    "artifactory-reference-token": lambda: "cmVmdGtuOjAxOj" + rs(ALNUM, 50),
    "clojars-token": lambda: "CLOJARS_" + rs(LOALNUM, 60),
    # chat, mail
    "slack-bot-token": lambda: f"xoxb-{rs(DIG, 11)}-{rs(DIG, 13)}-{rs(ALNUM, 24)}",
    "slack-user-token": lambda: f"xoxp-{rs(DIG, 11)}-{rs(DIG, 11)}-{rs(DIG, 13)}-{hexs(32)}",
    "slack-app-token": lambda: f"xapp-1-A{rs(UPALNUM, 10)}-{rs(DIG, 13)}-{hexs(64)}",
    "slack-webhook": lambda: f"https://hooks.slack.com/services/T{rs(UPALNUM, 8)}/B{rs(UPALNUM, 10)}/{rs(ALNUM, 24)}",
    "discord-bot-token": _discord_bot,
    "discord-webhook": lambda: f"https://discord.com/api/webhooks/{rs(DIG, 19)}/{rs(B64URL, 68)}",
    "telegram-bot-token": lambda: f"{R.randrange(10 ** 9, 8 * 10 ** 9)}:AA{rs(B64URL, 33)}",
    "teams-webhook": lambda: (f"https://acme.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/"
                              f"{hexs(32)}/{uuid4()}"),
    "twilio-api-key": lambda: "SK" + hexs(32),
    "twilio-auth-token": lambda: hexs(32),
    "sendgrid-api-key": lambda: "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43),
    "mailgun-api-key": lambda: "key-" + hexs(32),
    "mailgun-private-key": lambda: f"{hexs(32)}-{hexs(8)}-{hexs(8)}",
    "mailchimp-api-key": lambda: hexs(32) + "-us" + str(R.randrange(1, 21)),
    "postmark-server-token": uuid4,
    "brevo-api-key": lambda: "xkeysib-" + hexs(64) + "-" + rs(ALNUM, 16),
    # payments
    "stripe-secret-key": lambda: "sk_live_51" + rs(ALNUM, 97),
    "stripe-restricted-key": lambda: "rk_live_51" + rs(ALNUM, 97),
    "stripe-webhook-secret": lambda: "whsec_" + rs(ALNUM, 32),
    "square-access-token": lambda: "EAAA" + rs(B64URL, 60),
    "square-oauth-secret": lambda: "sq0csp-" + rs(B64URL, 43),
    "braintree-access-token": lambda: f"access_token$production${rs(LOALNUM, 16)}${hexs(32)}",
    "paypal-client-secret": lambda: "E" + rs(B64URL, 79),
    "shopify-access-token": lambda: "shpat_" + hexs(32),
    "shopify-shared-secret": lambda: "shpss_" + hexs(32),
    "shopify-custom-app-token": lambda: "shpca_" + hexs(32),
    "shopify-private-app-token": lambda: "shppa_" + hexs(32),
    "flutterwave-secret-key": lambda: "FLWSECK-" + hexs(32) + "-X",
    # AI
    "openai-project-key": lambda: _openai("sk-proj-"),
    "openai-legacy-key": lambda: "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20),
    "openai-service-account-key": lambda: _openai("sk-svcacct-"),
    "anthropic-api-key": lambda: "sk-ant-api03-" + rs(B64URL, 93) + "AA",
    "anthropic-admin-key": lambda: "sk-ant-admin01-" + rs(B64URL, 93) + "AA",
    "huggingface-token": lambda: "hf_" + rs(UP + LO, 34),
    "cohere-api-key": lambda: rs(ALNUM, 40),
    "groq-api-key": lambda: "gsk_" + rs(ALNUM, 52),
    "mistral-api-key": lambda: rs(ALNUM, 32),
    "replicate-api-token": lambda: "r8_" + rs(ALNUM, 37),
    "perplexity-api-key": lambda: "pplx-" + rs(ALNUM, 48),
    "xai-api-key": lambda: "xai-" + rs(ALNUM, 80),
    "deepseek-api-key": lambda: "sk-" + hexs(32),
    "langsmith-api-key": lambda: "lsv2_pt_" + hexs(32) + "_" + hexs(10),
    "pinecone-api-key": lambda: "pcsk_" + rs(ALNUM, 6) + "_" + rs(ALNUM, 63),
    "wandb-api-key": lambda: hexs(40),
    # observability, SaaS
    "datadog-api-key": lambda: hexs(32),
    "datadog-app-key": lambda: hexs(40),
    "newrelic-user-key": lambda: "NRAK-" + rs(UPALNUM, 27),
    "newrelic-license-key": lambda: hexs(36) + "NRAL",
    "newrelic-insert-key": lambda: "NRII-" + rs(B64URL, 32),
    "sentry-org-token": _sentry_org,
    "sentry-user-token": lambda: "sntryu_" + hexs(64),
    "pagerduty-api-key": lambda: rs(ALNUM + "_+-", 20),
    "notion-integration-token": lambda: "secret_" + rs(ALNUM, 43),
    "notion-api-token": lambda: "ntn_" + rs(DIG, 11) + rs(ALNUM, 35),
    "linear-api-key": lambda: "lin_api_" + rs(ALNUM, 40),
    "okta-api-token": lambda: "00" + rs(B64URL, 40),
    "auth0-client-secret": lambda: rs(B64URL, 64),
    "vault-service-token": lambda: "hvs.CAESI" + rs(B64URL, 86),
    "vault-batch-token": lambda: "hvb.AAAAAQ" + rs(B64URL, 128),
    "terraform-cloud-token": lambda: rs(ALNUM, 14) + ".atlasv1." + rs(ALNUM, 67),
    "doppler-service-token": lambda: "dp.st.prd." + rs(ALNUM, 40),
    "doppler-personal-token": lambda: "dp.pt." + rs(ALNUM, 43),
    "onepassword-service-account-token": _onepassword,
    "grafana-cloud-token": _grafana_cloud,
    "grafana-service-account-token": lambda: "glsa_" + rs(ALNUM, 32) + "_" + hexs(8),
    "postman-api-key": lambda: "PMAK-" + hexs(24) + "-" + hexs(34),
    "figma-pat": lambda: "figd_" + rs(B64URL, 40),
    "airtable-pat": lambda: "pat" + rs(ALNUM, 14) + "." + hexs(64),
    "asana-pat": lambda: f"2/{rs(DIG, 16)}/{rs(DIG, 16)}:{hexs(32)}",
    "contentful-pat": lambda: "CFPAT-" + rs(B64URL, 43),
    "dynatrace-token": lambda: "dt0c01." + rs(UPALNUM, 24) + "." + rs(UPALNUM, 64),
    "age-secret-key": lambda: "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
    "mapbox-secret-token": _mapbox,
    "algolia-admin-key": lambda: hexs(32),
    "hubspot-pat": lambda: "pat-na1-" + uuid4(),
    "typeform-pat": lambda: "tfp_" + rs(B64URL, 44) + "_" + rs(B64URL, 14),
    "planetscale-token": lambda: "pscale_tkn_" + rs(B64URL, 43),
    "planetscale-password": lambda: "pscale_pw_" + rs(B64URL, 43),
    "supabase-pat": lambda: "sbp_" + hexs(40),
    "netlify-pat": lambda: "nfp_" + rs(ALNUM, 36),
    "render-api-key": lambda: "rnd_" + rs(ALNUM, 32),
    "databricks-token": lambda: "dapi" + hexs(32),
    "prefect-api-key": lambda: "pnu_" + rs(ALNUM, 36),
    "pulumi-access-token": lambda: "pul-" + hexs(40),
    "readme-api-key": lambda: "rdme_" + rs(LOALNUM, 70),
    "shippo-api-token": lambda: "shippo_live_" + hexs(40),
    "easypost-api-key": lambda: "EZAK" + rs(ALNUM, 54),
    "launchdarkly-api-key": lambda: "api-" + uuid4(),
    "facebook-access-token": lambda: "EAAG" + rs(ALNUM, 150),
    "twitter-bearer-token": _twitter_bearer,
    "dropbox-token": lambda: "sl." + rs(B64URL, 136),
}
