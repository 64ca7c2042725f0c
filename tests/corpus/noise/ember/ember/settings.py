"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"ember/{name}")["SecretString"]


class Settings:
    api_token: str = os.environ["API_TOKEN"]
    redis_password: str = os.getenv("REDIS_PASSWORD") or _secret("redis_password")
    client_secret: str = os.getenv("CLIENT_SECRET") or _secret("client_secret")
    stripe_secret_key: str = _secret("stripe_secret_key")
    openai_api_key: str = os.environ["OPENAI_API_KEY"]
    aws_secret_access_key: str = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
