"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"iris/{name}")["SecretString"]


class Settings:
    client_secret: str = os.environ["CLIENT_SECRET"]
    session_secret: str = _secret("session_secret")
    sentry_auth_token: str = os.environ.get("SENTRY_AUTH_TOKEN", "")
    npm_token: str = os.environ["NPM_TOKEN"]
    redis_password: str = os.getenv("REDIS_PASSWORD") or _secret("redis_password")
    openai_api_key: str = os.getenv("OPENAI_API_KEY") or _secret("openai_api_key")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
