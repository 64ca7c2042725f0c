"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"juniper/{name}")["SecretString"]


class Settings:
    npm_token: str = os.getenv("NPM_TOKEN") or _secret("npm_token")
    smtp_password: str = os.environ.get("SMTP_PASSWORD", "")
    client_secret: str = os.environ["CLIENT_SECRET"]
    api_key: str = os.getenv("API_KEY") or _secret("api_key")
    db_password: str = _secret("db_password")
    github_token: str = os.getenv("GITHUB_TOKEN") or _secret("github_token")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
