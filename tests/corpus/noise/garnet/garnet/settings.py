"""Settings are read from the environment or the secret store; never hard-code them."""
import json
import os
from functools import lru_cache

import boto3


@lru_cache
def _secret(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=f"garnet/{name}")["SecretString"]


class Settings:
    github_token: str = os.getenv("GITHUB_TOKEN") or _secret("github_token")
    slack_webhook_url: str = os.environ["SLACK_WEBHOOK_URL"]
    openai_api_key: str = os.getenv("OPENAI_API_KEY") or _secret("openai_api_key")
    stripe_secret_key: str = os.environ.get("STRIPE_SECRET_KEY", "")
    redis_password: str = _secret("redis_password")
    aws_secret_access_key: str = _secret("aws_secret_access_key")
    debug: bool = os.getenv("DEBUG", "false") == "true"
    region: str = os.getenv("AWS_REGION", "eu-west-1")
