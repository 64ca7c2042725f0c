"""Files that hold only hard negatives: fixtures, assets, schemas, test vectors."""

import json

from .negatives import AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, png_bytes, png_data_uri, semver, sha1, sha256, sri
from .rand import ALNUM, B64URL, LO, R, UPALNUM, b64, hexs, rbytes, rs, uuid4
from .registry import corpus_file
from .text import T


@corpus_file("app/tests/fixtures/fake_credentials.py")
def _():
    return T('''
        """Obviously fake credentials for unit tests. None of these work anywhere."""

        FAKE_AWS_ACCESS_KEY_ID = "%%exid%%"
        FAKE_AWS_SECRET_ACCESS_KEY = "%%exsec%%"
        FAKE_GITHUB_TOKEN = "ghp_" + "x" * 36
        FAKE_SLACK_TOKEN = "xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"
        FAKE_STRIPE_KEY = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"
        FAKE_PASSWORD = "password"
        PLACEHOLDER_TOKEN = "<token>"
        TEMPLATE_SECRET = "${SECRET}"
        EMPTY_PASSWORD = ""
        DEFAULT_ADMIN_PASSWORD = "changeme"
        REDACTED = "********"
        TEST_UUID = "%%u%%"
        TEST_SHA = "%%sha%%"


        def make_config(**overrides):
            cfg = {
                "api_key": "your_api_key_here",
                "api_secret": "YOUR_API_SECRET",
                "password": "hunter2",
                "token": "dummy",
                "db_url": "postgres://user:pass@localhost/test",
                "webhook_secret": "whsec_test_secret",
            }
            cfg.update(overrides)
            return cfg
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET, u=uuid4(), sha=sha1())


@corpus_file("web/public/css/app.css")
def _():
    rules = []
    for i in range(30):
        c1, c2 = hexs(6), hexs(6)
        rules.append(f".c-{rs(LO, 5)}-{i} {{ color: #{c1}; background: linear-gradient(90deg, #{c2} 0%, #{hexs(6)}ff 100%); "
                     f"border-radius: {R.randrange(2, 12)}px; }}")
    font = b64(rbytes(600))
    return ("@font-face {\n  font-family: \"AcmeIcons\";\n  src: url(\"data:font/woff2;base64," + font + "\") format(\"woff2\");\n}\n"
            ":root {\n  --brand: #" + hexs(6) + ";\n  --accent: #" + hexs(6) + ";\n}\n"
            ".logo { background-image: url(\"" + png_data_uri(20, 20) + "\"); }\n" + "\n".join(rules) + "\n")


@corpus_file("web/public/index.html")
def _():
    return T('''
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="google-site-verification" content="%%gsv%%" />
            <title>Acme Shop</title>
            <link rel="stylesheet" href="/css/app.css?v=%%v%%" />
            <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js"
                    integrity="%%sri%%" crossorigin="anonymous"></script>
            <script type="module" crossorigin src="/assets/index-4f9c2a1b.js"></script>
          </head>
          <body>
            <form action="/login" method="post">
              <input type="hidden" name="csrf_token" value="{{ csrf_token }}" />
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" />
              <input name="api_key" placeholder="Paste your API key" />
            </form>
            <img alt="spinner" src="%%img%%" />
          </body>
        </html>
        ''', gsv=rs(B64URL, 43), v=hexs(8), sri=sri("sha384", 48), img=png_data_uri(10, 10))


@corpus_file("db/migrations/20240301120000_create_users.sql")
def _():
    users = "\n".join(f"  ('{uuid4()}', '{n}@example.com', '$2b$12${rs(ALNUM + './', 53)}', '{sha256()}')," for n in
                      ("alice", "bob", "carol", "dave"))
    return T('''
        CREATE EXTENSION IF NOT EXISTS pgcrypto;

        CREATE TABLE users (
          id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
          email CITEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          api_key_sha256 CHAR(64),
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE TABLE password_resets (
          token_hash BYTEA PRIMARY KEY,
          user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          expires_at TIMESTAMPTZ NOT NULL
        );

        -- seed users for staging (bcrypt hashes of random passwords)
        INSERT INTO users (id, email, password_hash, api_key_sha256) VALUES
        %%users%%
          ('%%u%%', 'erin@example.com', crypt('x', gen_salt('bf')), NULL);
        ''', users=users, u=uuid4())


@corpus_file("web/src/i18n/en.json")
def _():
    return json.dumps({"auth": {"password": "Password", "password_hint": "At least 12 characters",
                                "forgot_password": "Forgot your password?", "api_key": "API key",
                                "api_key_help": "Create an API key in Settings → Developers",
                                "token_expired": "Your session token expired. Please sign in again.",
                                "secret_label": "Client secret"},
                       "errors": {"invalid_token": "Invalid token", "wrong_password": "Wrong password"}},
                      indent=2, ensure_ascii=False) + "\n"


@corpus_file("api/openapi.yaml")
def _():
    return T('''
        openapi: 3.0.3
        info:
          title: Acme API
          version: %%ver%%
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
            apiKey:
              type: apiKey
              in: header
              name: X-Api-Key
          schemas:
            LoginRequest:
              type: object
              properties:
                email: {type: string, format: email, example: jane@example.com}
                password: {type: string, format: password, example: "********"}
            TokenResponse:
              type: object
              properties:
                access_token: {type: string, example: "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9..."}
                refresh_token: {type: string, example: "<refresh-token>"}
                expires_in: {type: integer, example: 3600}
            ApiKey:
              type: object
              properties:
                id: {type: string, format: uuid, example: %%u%%}
                prefix: {type: string, example: acme_live_}
                secret: {type: string, description: Only returned once, example: acme_live_XXXXXXXXXXXXXXXXXXXXXXXX}
        security:
          - bearerAuth: []
        paths: {}
        ''', ver=semver(), u=uuid4())


@corpus_file("web/public/img/logo.svg")
def _():
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="32">\n'
            f'  <path d="M{R.randrange(100)} {R.randrange(30)}L{R.randrange(100)} {R.randrange(30)}Z" fill="#{hexs(6)}"/>\n'
            f'  <image width="32" height="32" xlink:href="{png_data_uri(16, 16)}"/>\n</svg>\n')


@corpus_file(".devcontainer/devcontainer.json")
def _():
    return json.dumps({"name": "acme", "image": "mcr.microsoft.com/devcontainers/base:bookworm@sha256:" + sha256(),
                       "features": {"ghcr.io/devcontainers/features/node:1": {"version": "20"}},
                       "remoteEnv": {"GITHUB_TOKEN": "${localEnv:GITHUB_TOKEN}",
                                     "NPM_TOKEN": "${localEnv:NPM_TOKEN}"},
                       "postCreateCommand": "npm ci"}, indent=2) + "\n"


@corpus_file("src/crypto/test_vectors.c")
def _():
    vecs = []
    for i in range(6):
        vecs.append(f'  {{ /* vector {i} */\n    "{hexs(64)}",\n    "{hexs(64)}",\n    "{hexs(128)}" }},')
    return ("/* Ed25519 test vectors (secret seed, public key, signature) from the spec's test suite format. */\n"
            "#include \"crypto/ed25519.h\"\n\nstruct ed25519_vector { const char *seed_hex, *pub_hex, *sig_hex; };\n\n"
            "static const struct ed25519_vector kVectors[] = {\n" + "\n".join(vecs) + "\n};\n\n"
            f"static const char kMessageHash[] = \"{hexs(128)}\";\n"
            f"static const char kHmacKeyHex[] = \"{'0b' * 20}\";\n")


@corpus_file("docs/security/password-policy.md")
def _():
    return T('''
        # Password and token policy

        - Passwords: at least 12 characters, checked against the breached-password list.
        - Password hashes: Argon2id (`m=65536, t=3, p=4`), e.g.
          `$argon2id$v=19$m=65536,t=3,p=4$%%salt%%$%%hash%%`.
        - API tokens: 32 random bytes, shown once, stored as SHA-256 (`%%sha%%`).
        - Session secrets rotate every 90 days; the env var is `SESSION_SECRET`.
        - Never write `password = "..."` in code; use `os.environ["DB_PASSWORD"]` or the secret store.
        ''', salt=b64(rbytes(16)).rstrip("="), hash=b64(rbytes(32)).rstrip("="), sha=sha256())


@corpus_file("mkdocs.yml")
def _():
    return T('''
        site_name: Acme Platform
        repo_url: https://github.com/acme/platform
        edit_uri: edit/main/docs/
        theme:
          name: material
          palette:
            primary: indigo
        plugins:
          - search
          - git-revision-date-localized
        extra:
          analytics:
            provider: google
            property: G-%%mid%%
        ''', mid=rs(UPALNUM, 10))


@corpus_file("helm/platform/values.yaml")
def _():
    return T('''
        replicaCount: 2
        image:
          repository: ghcr.io/acme/platform
          tag: ""
          digest: sha256:%%d%%
        postgresql:
          auth:
            username: platform
            password: ""
            existingSecret: platform-db
            secretKeys:
              userPasswordKey: password
        secrets:
          apiKey: ""           # set with --set secrets.apiKey=...
          jwtSecret: "{{ randAlphaNum 32 }}"
        podAnnotations:
          checksum/secret: %%cs%%
        ''', d=sha256(), cs=sha256())


@corpus_file("scripts/gen_ids.py")
def _():
    return T('''
        """Stable identifiers used by fixtures and migrations."""
        import hashlib
        import uuid

        NAMESPACE = uuid.UUID("%%ns%%")
        KNOWN_IDS = {
            "warehouse-eu": "%%u1%%",
            "warehouse-us": "%%u2%%",
            "warehouse-apac": "%%u3%%",
        }
        SCHEMA_VERSION_SHA = "%%sha%%"
        BLOB = (
            "%%blob%%"
        )


        def stable_id(name: str) -> uuid.UUID:
            return uuid.uuid5(NAMESPACE, name)


        def fingerprint(data: bytes) -> str:
            return hashlib.sha256(data).hexdigest()
        ''', ns=uuid4(), u1=uuid4(), u2=uuid4(), u3=uuid4(), sha=sha256(), blob=b64(png_bytes(6, 6)))
