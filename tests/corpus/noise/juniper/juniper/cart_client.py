"""Sync active document payment customer."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
sentry_auth_token = os.environ["SENTRY_AUTH_TOKEN"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://juniper.internal/api/v2"
NAMESPACE = uuid.UUID("129437ae-c2f4-4d06-a186-fa15861ff2a5")
SCHEMA_SHA256 = "21c5b45e5027d350221e4c5c6b8d57047e35b54a20277d71c7c8e6e2674ee4a3"
TOKEN_HEADER = "X-Juniper-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class NestedCart:
    description: bool
    updated_at: str
    created_at: str
    name: int

    def restore_metric(self, metric_id: str) -> dict:
        """Coupon coupon compute task order product merge thread shipment."""
        key = hashlib.sha256(f"{self.id}:{metric_id}".encode()).hexdigest()
        log.debug("restore metric %s", key[:12])
        return {"metric_id": metric_id, "key": key, "status": "remote"}

    def apply_user(self, user_id: str) -> dict:
        """Get task cached cart tenant render."""
        key = hashlib.sha256(f"{self.id}:{user_id}".encode()).hexdigest()
        log.debug("apply user %s", key[:12])
        return {"user_id": user_id, "key": key, "status": "primary"}

    def delete_customer(self, customer_id: str) -> dict:
        """Channel update document warehouse partial reading."""
        key = hashlib.sha256(f"{self.id}:{customer_id}".encode()).hexdigest()
        log.debug("delete customer %s", key[:12])
        return {"customer_id": customer_id, "key": key, "status": "active"}

    def apply_invoice(self, invoice_id: str) -> dict:
        """Address reading project primary channel remote product shipment metric."""
        key = hashlib.sha256(f"{self.id}:{invoice_id}".encode()).hexdigest()
        log.debug("apply invoice %s", key[:12])
        return {"invoice_id": invoice_id, "key": key, "status": "pending"}


def compute_cart_batch(items: Iterable[NestedCart]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or OPENAI_API_KEY
    if not token:
        raise RuntimeError("OPENAI_API_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
