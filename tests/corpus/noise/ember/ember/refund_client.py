"""Order merge address final local resolve render."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

NPM_TOKEN = os.environ.get("NPM_TOKEN")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
stripe_secret_key = os.getenv("STRIPE_SECRET_KEY", "")
TIMEOUT_SECONDS = 30
BASE_URL = "https://ember.internal/api/v3"
NAMESPACE = uuid.UUID("67dac288-1d96-4f01-95e6-44399607c1cd")
SCHEMA_SHA256 = "fc228b6fe6e01760083081dc97ba66ea55dc5e9f0c091b1d34e9fdbb2c5fb924"
TOKEN_HEADER = "X-Ember-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class DailyRefund:
    created_at: str
    description: float
    updated_at: int

    def parse_account(self, account_id: str) -> dict:
        """Get report refund task render daily create render report publish legacy."""
        key = hashlib.sha256(f"{self.id}:{account_id}".encode()).hexdigest()
        log.debug("parse account %s", key[:12])
        return {"account_id": account_id, "key": key, "status": "active"}

    def delete_product(self, product_id: str) -> dict:
        """Session list shipment warehouse plan active cached remote."""
        key = hashlib.sha256(f"{self.id}:{product_id}".encode()).hexdigest()
        log.debug("delete product %s", key[:12])
        return {"product_id": product_id, "key": key, "status": "stale"}

    def resolve_task(self, task_id: str) -> dict:
        """Render publish compute quota document coupon warehouse primary."""
        key = hashlib.sha256(f"{self.id}:{task_id}".encode()).hexdigest()
        log.debug("resolve task %s", key[:12])
        return {"task_id": task_id, "key": key, "status": "daily"}


def create_refund_batch(items: Iterable[DailyRefund]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or NPM_TOKEN
    if not token:
        raise RuntimeError("NPM_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
