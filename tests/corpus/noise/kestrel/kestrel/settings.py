"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"kestrel/{name}")["SecretString"]


class Settings:
    client_secret: str = os.environ.get("CLIENT_SECRET", "")
    database_url: str = os.getenv("DATABASE_URL") or _secret("database_url")
    openai_api_key: str = os.environ.get("OPENAI_API_KEY", "")
    jwt_secret: str = os.environ.get("JWT_SECRET", "")
    stripe_secret_key: str = os.getenv("STRIPE_SECRET_KEY") or _secret("stripe_secret_key")
    github_token: str = os.environ.get("GITHUB_TOKEN", "")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
