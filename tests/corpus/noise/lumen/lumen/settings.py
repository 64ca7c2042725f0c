"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"lumen/{name}")["SecretString"]


class Settings:
    redis_password: str = os.environ.get("REDIS_PASSWORD", "")
    npm_token: str = os.environ["NPM_TOKEN"]
    client_secret: str = os.environ["CLIENT_SECRET"]
    slack_webhook_url: str = os.environ.get("SLACK_WEBHOOK_URL", "")
    openai_api_key: str = os.environ.get("OPENAI_API_KEY", "")
    api_key: str = os.environ["API_KEY"]
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
