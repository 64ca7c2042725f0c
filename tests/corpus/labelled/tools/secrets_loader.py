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
