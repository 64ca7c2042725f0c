"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"harbor/{name}")["SecretString"]


class Settings:
    aws_secret_access_key: str = os.getenv("AWS_SECRET_ACCESS_KEY") or _secret("aws_secret_access_key")
    redis_password: str = os.environ["REDIS_PASSWORD"]
    npm_token: str = os.environ.get("NPM_TOKEN", "")
    slack_webhook_url: str = _secret("slack_webhook_url")
    jwt_secret: str = os.getenv("JWT_SECRET") or _secret("jwt_secret")
    session_secret: str = os.environ.get("SESSION_SECRET", "")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
