"""Python files of the billing service, ML training and deploy scripts, and app integrations."""

from .negatives import AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, sha1
from .rand import ALNUM, B64URL, DIG, LO, R, UPALNUM, password, rs
from .registry import PK, S, corpus_file
from .text import T


@corpus_file("billing/billing/settings.py")
def _():
    return T('''
        """Django settings for the billing service."""
        import os
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent

        # SECURITY WARNING: keep the secret key used in production secret!
        SECRET_KEY = "%%dj%%"

        DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
        ALLOWED_HOSTS = ["billing.internal", "localhost"]

        INSTALLED_APPS = [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "rest_framework",
            "billing.invoices",
        ]

        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "billing",
                "USER": "billing_app",
                "PASSWORD": "%%dbpw%%",
                "HOST": os.environ.get("DB_HOST", "127.0.0.1"),
                "PORT": 5432,
            },
            "replica": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "billing",
                "USER": "billing_ro",
                "PASSWORD": os.environ["REPLICA_DB_PASSWORD"],
                "HOST": "replica.internal",
            },
        }

        AUTH_PASSWORD_VALIDATORS = [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
             "OPTIONS": {"min_length": 12}},
        ]
        PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

        STRIPE_PUBLISHABLE_KEY = "pk_live_%%pk%%"
        STRIPE_SECRET_KEY = "%%sk%%"
        STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "%%wh%%")

        CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                              "LOCATION": "redis://cache.internal:6379/1"}}
        SESSION_COOKIE_AGE = 60 * 60 * 8
        CSRF_TRUSTED_ORIGINS = ["https://billing.acme.dev"]
        ''', dj=S("django-secret-key", "django-insecure-" + rs(LO + DIG + "!@#%^&*(-_=+)", 50).replace('"', "")),
        dbpw=S("generic-password", password()), pk=rs(ALNUM, 99),
        sk=S("stripe-secret-key"), wh=S("stripe-webhook-secret"))


@corpus_file("billing/billing/payments/square_client.py")
def _():
    return T('''
        import logging
        import uuid

        from square.client import Client

        log = logging.getLogger(__name__)

        # TODO(ops): move to the secret store before launch
        SQUARE_ACCESS_TOKEN = '%%tok%%'
        SQUARE_APP_ID = "sq0idp-%%appid%%"
        SQUARE_APP_SECRET = '%%sec%%'
        LOCATION_ID = "L%%loc%%"


        def client():
            return Client(access_token=SQUARE_ACCESS_TOKEN, environment="production")


        def charge(amount_cents: int, source_id: str, customer_id: str) -> dict:
            body = {
                "source_id": source_id,
                "idempotency_key": str(uuid.uuid4()),
                "amount_money": {"amount": amount_cents, "currency": "USD"},
                "customer_id": customer_id,
                "location_id": LOCATION_ID,
            }
            result = client().payments.create_payment(body)
            if result.is_error():
                log.error("square payment failed: %s", result.errors)
                raise RuntimeError("payment failed")
            return result.body["payment"]
        ''', tok=S("square-access-token"), appid=rs(B64URL, 22), sec=S("square-oauth-secret"),
        loc=rs(UPALNUM, 12))


@corpus_file("ml/train.py")
def _():
    return T('''
        #!/usr/bin/env python3
        """Fine-tune the ranking model and push it to the hub."""
        import argparse
        import os

        import openai
        import torch
        import wandb
        from huggingface_hub import HfApi
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        openai.api_key = "%%oa%%"
        HF_TOKEN = "%%hf%%"
        os.environ.setdefault("WANDB_API_KEY", "%%wb%%")

        BASE_MODEL = "distilbert-base-uncased"
        REVISION = "%%rev%%"  # pinned commit of the base model


        def parse_args():
            p = argparse.ArgumentParser()
            p.add_argument("--epochs", type=int, default=3)
            p.add_argument("--lr", type=float, default=5e-5)
            p.add_argument("--push", action="store_true")
            return p.parse_args()


        def main():
            args = parse_args()
            wandb.init(project="ranker", config=vars(args))
            tok = AutoTokenizer.from_pretrained(BASE_MODEL, revision=REVISION)
            model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=2)
            opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
            for epoch in range(args.epochs):
                loss = torch.tensor(0.0)
                wandb.log({"epoch": epoch, "loss": loss.item()})
            if args.push:
                HfApi(token=HF_TOKEN).upload_folder(folder_path="out", repo_id="acme/ranker")


        if __name__ == "__main__":
            main()
        ''', oa=S("openai-project-key"), hf=S("huggingface-token"), wb=S("wandb-api-key"), rev=sha1())


@corpus_file("scripts/deploy_lambda.py")
def _():
    return T('''
        import io
        import zipfile

        import boto3

        # Deploy user for the ci account (rotated 2024-03)
        session = boto3.Session(
            aws_access_key_id="%%kid%%",
            aws_secret_access_key="%%sec%%",
            region_name="eu-west-1",
        )


        def package(src_dir):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(f"{src_dir}/handler.py", "handler.py")
            return buf.getvalue()


        def deploy(name, src_dir):
            lam = session.client("lambda")
            lam.update_function_code(FunctionName=name, ZipFile=package(src_dir), Publish=True)
            print(f"deployed {name} (arn:aws:lambda:eu-west-1:%%acct%%:function:{name})")


        if __name__ == "__main__":
            deploy("thumbnailer", "lambdas/thumbnailer")
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"), acct=rs(DIG, 12))


@corpus_file("scripts/s3_sync.py")
def _():
    return T('''
        """Sync a local folder to S3.

        Credentials come from the usual AWS chain (env, ~/.aws/credentials, instance role).
        For local testing with moto you can use the documentation keys:

            export AWS_ACCESS_KEY_ID=%%exid%%
            export AWS_SECRET_ACCESS_KEY=%%exsec%%
        """
        import hashlib
        import os
        import sys

        import boto3

        BUCKET = os.environ.get("SYNC_BUCKET", "acme-artifacts")


        def md5(path):
            h = hashlib.md5()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            return h.hexdigest()


        def main(root):
            s3 = boto3.client(
                "s3",
                aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
                aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
            )
            for dirpath, _, names in os.walk(root):
                for name in names:
                    path = os.path.join(dirpath, name)
                    key = os.path.relpath(path, root)
                    etag = md5(path)
                    try:
                        head = s3.head_object(Bucket=BUCKET, Key=key)
                        if head["ETag"].strip('"') == etag:
                            continue
                    except s3.exceptions.ClientError:
                        pass
                    s3.upload_file(path, BUCKET, key)
                    print("uploaded", key, etag)


        if __name__ == "__main__":
            main(sys.argv[1])
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET)


@corpus_file("app/integrations/slack_notify.py")
def _():
    return T('''
        import json
        import urllib.request

        WEBHOOK_URL = "%%hook%%"
        BOT_TOKEN = "%%bot%%"
        DEFAULT_CHANNEL = "C0%%chan%%"


        def post_webhook(text: str) -> None:
            req = urllib.request.Request(
                WEBHOOK_URL,
                data=json.dumps({"text": text}).encode(),
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(req, timeout=5)


        def post_message(text: str, channel: str = DEFAULT_CHANNEL) -> dict:
            req = urllib.request.Request(
                "https://slack.com/api/chat.postMessage",
                data=json.dumps({"channel": channel, "text": text}).encode(),
                headers={"Authorization": f"Bearer {BOT_TOKEN}",
                         "Content-Type": "application/json; charset=utf-8"},
            )
            with urllib.request.urlopen(req, timeout=5) as resp:
                return json.load(resp)
        ''', hook=S("slack-webhook"), bot=S("slack-bot-token"), chan=rs(UPALNUM, 9))


@corpus_file("app/integrations/github_app.py")
def _():
    return T('''
        """Authenticates as the acme-release GitHub App."""
        import time

        import jwt
        import requests

        APP_ID = %%appid%%
        INSTALLATION_ID = %%inst%%

        PRIVATE_KEY = """\\
        %%key%%
        """


        def app_jwt() -> str:
            now = int(time.time())
            return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": APP_ID}, PRIVATE_KEY,
                              algorithm="RS256")


        def installation_token() -> str:
            r = requests.post(
                f"https://api.github.com/app/installations/{INSTALLATION_ID}/access_tokens",
                headers={"Authorization": f"Bearer {app_jwt()}",
                         "Accept": "application/vnd.github+json"},
                timeout=10,
            )
            r.raise_for_status()
            return r.json()["token"]  # ghs_... valid for one hour
        ''', appid=R.randrange(100000, 999999), inst=R.randrange(10 ** 7, 10 ** 8),
        key=PK("private-key-rsa-pkcs1"))
