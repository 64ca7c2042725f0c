"""Issue 12 shapes: connection strings whose passwords use every legal RFC 3986 character,
framework secrets, documented example credentials and generic-detector noise."""

import urllib.parse

from .rand import ALNUM, R, hexs, password, rs
from .registry import S, corpus_file
from .text import T

# RFC 3986 sub-delims plus unreserved symbols: legal unencoded in URI userinfo.
SUBDELIMS = "*!$;~&'()+,=:"


def uri_password(n=18):
    """A password with sub-delims that a URL may hold unencoded (no quote: the files quote values)."""
    while True:
        s = password(n, symbols="*!$;~:")
        if s[0] in ALNUM and "*" in s:
            return s


@corpus_file("services/ledger/.env.production")
def _():
    enc_raw = password(16, symbols="*@/:#")
    enc = urllib.parse.quote(enc_raw, safe="*")
    return T('''
        # Ledger service, production. Loaded by the systemd unit.
        LEDGER_ENV=production
        DATABASE_URL=postgresql://ledger:%%pg%%@pg-ledger.internal:5432/ledger?sslmode=require
        REPORTING_DB=mysql://reports:%%my%%@mysql-reports.internal:3306/reports
        MONGO_URL=mongodb+srv://ledger-app:%%mg%%@cluster2.q8x3z.mongodb.net/ledger?retryWrites=true
        MONGO_ARCHIVE_URL=mongodb://archiver:%%mgenc%%@mongo-archive.internal:27017/archive
        CACHE_URL=rediss://default:%%rd%%@cache-ledger.internal:6380/1
        BROKER_URL=amqps://ledger:%%mq%%@mq.internal:5671/ledger
        EXPORT_TARGET=sftp://exporter:%%sftp%%@files.partner-bank.example:22/incoming
        LEGACY_FEED=ftp://feed:%%ftp%%@ftp.partner-bank.example/daily
        RATES_API=https://ledger-svc:%%http%%@rates.internal.acme/v1
        LOG_LEVEL=info
        ''', pg=S("conn-url-postgres-subdelims", uri_password()),
        my=S("conn-url-mysql-subdelims", uri_password()),
        mg=S("conn-url-mongodb-srv-subdelims", uri_password()),
        mgenc=S("conn-url-mongodb-percent-encoded", enc, decoded=enc_raw),
        rd=S("conn-url-redis-subdelims", uri_password()),
        mq=S("conn-url-amqp-subdelims", uri_password()),
        sftp=S("conn-url-sftp-subdelims", uri_password()),
        ftp=S("conn-url-ftp-subdelims", uri_password()),
        http=S("conn-url-http-basic-subdelims", uri_password()))


@corpus_file("services/ledger/src/main/resources/application-prod.properties")
def _():
    return T('''
        spring.application.name=ledger
        spring.datasource.url=jdbc:postgresql://pg-ledger.internal:5432/ledger?user=ledger&password=%%jdbc%%&ssl=true
        spring.datasource.hikari.maximum-pool-size=20
        ledger.archive.url=jdbc:mysql://mysql-archive.internal:3306/archive?user=archiver&password=%%jdbc2%%&useSSL=true
        management.endpoints.web.exposure.include=health,info
        ''', jdbc=S("conn-jdbc-password-subdelims", uri_password()),
        jdbc2=S("conn-jdbc-password-subdelims", uri_password()))


@corpus_file("services/ledger/dotnet/appsettings.Production.json")
def _():
    return T('''
        {
          "ConnectionStrings": {
            "Ledger": "Server=sql-ledger.corp.local;Database=Ledger;User Id=ledger_app;Password=%%ado%%;Encrypt=True",
            "Reports": "User ID=reports;Password=%%ado2%%;Data Source=sql-reports.corp.local;Initial Catalog=Reports",
            "Warehouse": "Driver={ODBC Driver 18 for SQL Server};Server=tcp:dw.database.windows.net,1433;Uid=etl;PWD=%%odbc%%;Encrypt=yes"
          },
          "Logging": { "LogLevel": { "Default": "Information" } }
        }
        ''', ado=S("conn-adonet-password", uri_password().replace(";", "")),
        ado2=S("conn-adonet-password-before-server", uri_password().replace(";", "")),
        odbc=S("conn-odbc-pwd", uri_password().replace(";", "")))


@corpus_file("services/ledger/scripts/connect_templates.py")
def _():
    return T('''
        """Connection URL templates. Values come from the environment; nothing here is a secret."""
        import os

        PG_TEMPLATE = "postgresql://%(user)s:%(password)s@%(host)s:5432/%(db)s"
        MYSQL_TEMPLATE = "mysql://{user}:{password}@{host}/{db}"
        REDIS = f"rediss://default:{os.environ['REDIS_PASSWORD']}@cache:6380/0"
        SHELL_HINT = "psql postgres://ledger:$PGPASSWORD@pg-ledger.internal/ledger"
        GO_FORMAT = 'fmt.Sprintf("amqps://%s:%s@%s:5671/", user, pass, host)'
        ANON_FTP = "ftp://anonymous:****@ftp.gnu.org/gnu/"
        DOCS = "mongodb+srv://<username>:<password>@cluster0.mongodb.net/"
        ADO = "Server=sql;User Id=sa;Password=$(SA_PASSWORD);"
        ''')


DJANGO_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)"  # get_random_secret_key()


def django_key():
    return rs(DJANGO_ALPHABET, 50)


@corpus_file("apps/blog/blog/settings/production.py")
def _():
    return T('''
        from .base import *  # noqa: F401,F403
        import environ

        env = environ.Env()
        DEBUG = False
        ALLOWED_HOSTS = ["blog.acme.dev"]
        SECRET_KEY = env("DJANGO_SECRET_KEY", default="%%dj%%")
        CSRF_TRUSTED_ORIGINS = ["https://blog.acme.dev"]
        ''', dj=S("django-secret-key-env-default", django_key()))


@corpus_file("apps/blog/.env")
def _():
    return T('''
        DJANGO_SETTINGS_MODULE=blog.settings.production
        DJANGO_SECRET_KEY=%%dj%%
        DJANGO_ALLOWED_HOSTS=blog.acme.dev
        ''', dj=S("django-secret-key-dotenv", django_key()))


@corpus_file("apps/dashboard/dashboard/config.py")
def _():
    return T('''
        class BaseConfig:
            SESSION_COOKIE_SECURE = True


        class ProductionConfig(BaseConfig):
            SECRET_KEY = "%%hex%%"
            SQLALCHEMY_TRACK_MODIFICATIONS = False


        def configure(app):
            app.config.update(SECRET_KEY="%%url%%", PREFERRED_URL_SCHEME="https")
        ''', hex=S("flask-secret-key-token-hex", hexs(64)),
        url=S("flask-secret-key-token-urlsafe", rs(ALNUM + "-_", 43)))


@corpus_file("apps/storefront/.env.production")
def _():
    return T('''
        RAILS_ENV=production
        RAILS_LOG_TO_STDOUT=1
        SECRET_KEY_BASE=%%skb%%
        ''', skb=S("rails-secret-key-base-env", hexs(128)))


@corpus_file("apps/cms/config/app.php")
def _():
    from .rand import rbytes, b64
    return T('''
        <?php

        return [
            'name' => env('APP_NAME', 'Acme CMS'),
            'env' => env('APP_ENV', 'production'),
            'key' => env('APP_KEY', 'base64:%%key%%'),
            'cipher' => 'AES-256-CBC',
        ];
        ''', key=S("laravel-app-key-env-default", b64(rbytes(32))))


@corpus_file("tools/release/pypirc.internal")
def _():
    return T('''
        [distutils]
        index-servers =
            internal

        [internal]
        repository = https://pypi.internal.acme/legacy/
        username = release-bot
        password = %%pw%%
        ''', pw=S("ini-section-password", password(20)))


@corpus_file("tools/release/write_netrc.py")
def _():
    return T('''
        """Writes the .netrc the mirror job needs."""
        import os


        def write_netrc(path):
            with open(path, "w") as fh:
                fh.write("machine mirror.acme-corp.net login mirror password %%pw%%\\n")
            os.chmod(path, 0o600)
        ''', pw=S("netrc-password-in-code", password(16, symbols="")))


@corpus_file("ci/git-credentials.store")
def _():
    return T('''
        https://deploy-bot:%%pw%%@git.acme-corp.net
        ''', pw=S("git-credentials-password-subdelims", uri_password()))


@corpus_file("docs/payments/stripe-quickstart.md")
def _():
    return T('''
        # Trying the payments API locally

        Stripe's documentation uses a sample test key; it works against their public sandbox only:

        ```sh
        curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:
        stripe customers create --email=jane@example.com --api-key sk_test_BQokikJOvBiI2HlWgH4olfQ2
        ```

        The AWS CLI examples use `AKIAIOSFODNN7EXAMPLE` and `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`.
        ''')


@corpus_file("services/auth/config/security.yaml")
def _():
    return T('''
        # Algorithms and mechanisms are names, not secrets.
        password_hash_algorithm: argon2id
        password_encoder: bcrypt
        encryption_cipher: aes-256-gcm
        jwt_secret_algorithm: HS512
        token_signing_alg: RS256
        secret_key_algorithm: PBKDF2WithHmacSHA256
        passlib_scheme: pbkdf2_sha256
        smtp:
          auth_method: SCRAM-SHA-256
          AUTH: CRAM-MD5
        slack:
          bot_token: xoxb-your-token
        github_token: ${{ secrets.GITHUB_TOKEN }}
        db_password: "{{ .Values.postgresql.auth.password }}"
        api_token: <token>
        ''')


@corpus_file("native/src/oauth_client.c")
def _():
    return T('''
        #include "oauth_client.h"

        #define SASL_AUTH_MECH "SCRAM-SHA-512"

        static int copy_token(struct oauth_ctx *ctx, const struct token_data *token_data) {
          ctx->client_id = token_data->client_id;
          ctx->id_len = oauth_token_data->client_id_b64;
          return ctx->client_id != NULL;
        }

        /* Signed with: AWS4-HMAC-SHA256 Credential=xxx/20240101/us-east-1/s3/aws4_request */
        ''')


@corpus_file("ci/windows/setup-tools.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail
        curl -sSfL https://downloads.acme.dev/tool.zip -o tool.zip && dir=$(cygpath -u "C:/Program Files/tool")
        curl --version; cygpath -u "C:/hostedtoolcache/windows/curl" > curl-path.txt
        export PATH="$(cygpath -u "C:/Program Files/Git/bin"):$PATH"
        ''')
