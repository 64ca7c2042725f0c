"""Python files of the web app (db, auth, tests), AI providers, bots and tools."""

import urllib.parse

from .negatives import JWT_IO_EXAMPLE
from .rand import ALNUM, DIG, hexs, password, rs
from .registry import S, corpus_file
from .text import T


@corpus_file("app/db.py")
def _():
    raw = password(18, symbols="@:/#%")
    enc = urllib.parse.quote(raw, safe="")
    return T('''
        from sqlalchemy import create_engine
        from sqlalchemy.orm import sessionmaker

        # The password contains reserved characters, hence the percent-encoding.
        DATABASE_URL = "postgresql+psycopg2://orders:%%pw%%@orders-db.internal:5432/orders"

        engine = create_engine(DATABASE_URL, pool_size=10, max_overflow=5, pool_pre_ping=True)
        SessionLocal = sessionmaker(bind=engine, autoflush=False)


        def get_session():
            session = SessionLocal()
            try:
                yield session
            finally:
                session.close()
        ''', pw=S("postgres-url-password-percent-encoded", enc, decoded=raw))


@corpus_file("app/tests/test_auth.py")
def _():
    return T('''
        import pytest

        from app.auth import hash_password, verify_password, issue_token, decode_token

        TEST_PASSWORD = "correct horse battery staple"
        FAKE_API_KEY = "test-api-key-not-real"
        DUMMY_SECRET = "dummy-signing-secret-for-tests"


        @pytest.fixture
        def user(db):
            return db.create_user(email="alice@example.com", password=hash_password(TEST_PASSWORD))


        def test_verify_password_accepts_right_password(user):
            assert verify_password(TEST_PASSWORD, user.password_hash)


        def test_verify_password_rejects_wrong_password(user):
            assert not verify_password("wrong-password", user.password_hash)


        def test_token_round_trip(monkeypatch):
            monkeypatch.setenv("JWT_SECRET", DUMMY_SECRET)
            token = issue_token(sub="user-42")
            assert decode_token(token)["sub"] == "user-42"


        def test_rejects_example_token():
            # The jwt.io example token: signed with a different key.
            example = "%%jwtio%%"
            with pytest.raises(ValueError):
                decode_token(example)


        def test_api_key_header(client):
            resp = client.get("/v1/me", headers={"X-API-Key": FAKE_API_KEY})
            assert resp.status_code == 401
        ''', jwtio=JWT_IO_EXAMPLE)


@corpus_file("app/auth.py")
def _():
    return T('''
        import datetime as dt
        import os

        import jwt
        from argon2 import PasswordHasher

        _ph = PasswordHasher()
        JWT_SECRET = os.environ.get("JWT_SECRET")
        JWT_ALGORITHM = "HS256"
        TOKEN_TTL = dt.timedelta(hours=1)
        PASSWORD_RESET_TOKEN_BYTES = 32


        def hash_password(password: str) -> str:
            return _ph.hash(password)


        def verify_password(password: str, password_hash: str) -> bool:
            try:
                return _ph.verify(password_hash, password)
            except Exception:
                return False


        def issue_token(sub: str) -> str:
            if not JWT_SECRET:
                raise RuntimeError("JWT_SECRET is not set")
            now = dt.datetime.now(dt.timezone.utc)
            return jwt.encode({"sub": sub, "iat": now, "exp": now + TOKEN_TTL}, JWT_SECRET,
                              algorithm=JWT_ALGORITHM)


        def decode_token(token: str) -> dict:
            try:
                return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM])
            except jwt.PyJWTError as e:
                raise ValueError("invalid token") from e
        ''')


@corpus_file("app/integrations/notion_sync.py")
def _():
    return T('''
        from notion_client import Client

        # legacy integration (workspace: Acme Docs)
        notion_legacy = Client(auth="%%legacy%%")
        notion = Client(auth="%%new%%")
        DATABASE_ID = "%%db%%"


        def pages_updated_since(ts):
            return notion.databases.query(
                database_id=DATABASE_ID,
                filter={"timestamp": "last_edited_time", "last_edited_time": {"after": ts}},
            )["results"]
        ''', legacy=S("notion-integration-token"), new=S("notion-api-token"), db=hexs(32))


@corpus_file("scripts/jira_weekly_report.py")
def _():
    user = "release-bot@acme.dev"
    return T('''
        import base64
        import datetime

        import requests

        JIRA = "https://acme.atlassian.net"
        AUTH = ("%%user%%", "%%tok%%")


        def issues_closed_last_week(project):
            since = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
            jql = f'project = {project} AND status = Done AND resolved >= "{since}"'
            r = requests.get(f"{JIRA}/rest/api/3/search", params={"jql": jql, "maxResults": 200},
                             auth=AUTH, timeout=30)
            r.raise_for_status()
            return r.json()["issues"]


        if __name__ == "__main__":
            for issue in issues_closed_last_week("PLAT"):
                print(issue["key"], issue["fields"]["summary"])
        ''', user=user, tok=S("atlassian-api-token"))


@corpus_file("ai/providers.py")
def _():
    return T('''
        """Thin wrappers over the LLM providers we benchmark."""
        import os
        from dataclasses import dataclass


        @dataclass(frozen=True)
        class Provider:
            name: str
            base_url: str
            api_key: str
            model: str


        PROVIDERS = [
            Provider("groq", "https://api.groq.com/openai/v1", "%%groq%%", "llama-3.1-70b-versatile"),
            Provider("replicate", "https://api.replicate.com/v1", "%%rep%%", "meta/llama-3-70b"),
            Provider("perplexity", "https://api.perplexity.ai", "%%pplx%%", "sonar-medium-online"),
            Provider("xai", "https://api.x.ai/v1", "%%xai%%", "grok-beta"),
            Provider("openai", "https://api.openai.com/v1", os.environ.get("OPENAI_API_KEY", ""), "gpt-4o"),
            Provider("together", "https://api.together.xyz/v1", os.environ["TOGETHER_API_KEY"], "mixtral"),
        ]

        COHERE_API_KEY = "%%cohere%%"
        MISTRAL_API_KEY = "%%mistral%%"
        DEEPSEEK_API_KEY = "%%ds%%"


        def by_name(name: str) -> Provider:
            for p in PROVIDERS:
                if p.name == name:
                    return p
            raise KeyError(name)
        ''', groq=S("groq-api-key"), rep=S("replicate-api-token"), pplx=S("perplexity-api-key"),
        xai=S("xai-api-key"), cohere=S("cohere-api-key"), mistral=S("mistral-api-key"),
        ds=S("deepseek-api-key"))


@corpus_file("ai/rag/index.py")
def _():
    return T('''
        import os

        from langsmith import Client as LangSmith
        from pinecone import Pinecone

        os.environ["LANGCHAIN_TRACING_V2"] = "true"
        os.environ["LANGCHAIN_API_KEY"] = "%%ls%%"

        pc = Pinecone(api_key="%%pc%%")
        index = pc.Index("docs-v2")
        EMBEDDING_DIM = 1536


        def upsert(chunks):
            index.upsert(vectors=[(c.id, c.embedding, {"source": c.source}) for c in chunks])
        ''', ls=S("langsmith-api-key"), pc=S("pinecone-api-key"))


@corpus_file("bots/discord_bot.py")
def _():
    return T('''
        import discord
        from discord.ext import commands

        TOKEN = "%%tok%%"
        ALERTS_WEBHOOK = "%%hook%%"
        GUILD_ID = %%guild%%

        intents = discord.Intents.default()
        intents.message_content = True
        bot = commands.Bot(command_prefix="!", intents=intents)


        @bot.command()
        async def status(ctx):
            await ctx.send("all systems nominal")


        bot.run(TOKEN)
        ''', tok=S("discord-bot-token"), hook=S("discord-webhook"), guild=rs(DIG, 18))


@corpus_file("bots/telegram_alerts.py")
def _():
    return T('''
        import requests

        BOT = "%%tok%%"
        CHAT_ID = -100%%chat%%


        def alert(text):
            requests.post(f"https://api.telegram.org/bot{BOT}/sendMessage",
                          json={"chat_id": CHAT_ID, "text": text, "parse_mode": "HTML"}, timeout=5)
        ''', tok=S("telegram-bot-token"), chat=rs(DIG, 10))


@corpus_file("bots/twitter_poster.py")
def _():
    return T('''
        import tweepy

        client = tweepy.Client(
            bearer_token="%%bearer%%",
            consumer_key="%%ck%%",
            consumer_secret="%%cs%%",
        )


        def post(text):
            return client.create_tweet(text=text)
        ''', bearer=S("twitter-bearer-token"), ck=S("twitter-consumer-key", rs(ALNUM, 25)),
        cs=S("twitter-consumer-secret", rs(ALNUM, 50)))


@corpus_file("tools/dropbox_backup.py")
def _():
    return T('''
        import dropbox

        dbx = dropbox.Dropbox(oauth2_access_token="%%tok%%")


        def upload(path, data):
            dbx.files_upload(data, path, mode=dropbox.files.WriteMode.overwrite)
        ''', tok=S("dropbox-token"))


@corpus_file("tools/secrets_loader.py")
def _():
    return T('''
        """Loads runtime secrets from AWS Secrets Manager / GCP Secret Manager / Vault."""
        import json
        import os

        import boto3
        import hvac
        from google.cloud import secretmanager


        def aws_secret(secret_id="prod/orders/db"):
            sm = boto3.client("secretsmanager", region_name="eu-west-1")
            return json.loads(sm.get_secret_value(SecretId=secret_id)["SecretString"])


        def gcp_secret(name="projects/acme-prod/secrets/stripe-api-key/versions/latest"):
            client = secretmanager.SecretManagerServiceClient()
            return client.access_secret_version(name=name).payload.data.decode()


        def vault_secret(path="secret/data/orders"):
            client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
            return client.secrets.kv.v2.read_secret_version(path=path)["data"]["data"]


        api_key = os.environ["PAYMENTS_API_KEY"]
        db_password = aws_secret()["password"]
        stripe_key = gcp_secret()
        token = os.getenv("GITHUB_TOKEN", "")
        password = os.environ.get("SMTP_PASSWORD") or None
        secret = vault_secret()["client_secret"]
        ''')
