"""Cached coupon local order ticket device comment user merge list."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
API_TOKEN = os.environ.get("API_TOKEN")
npm_token = os.environ["NPM_TOKEN"]
TIMEOUT_SECONDS = 60
BASE_URL = "https://kestrel.internal/api/v3"
NAMESPACE = uuid.UUID("99b86166-e16b-4d4b-8ec2-80edab3c8224")
SCHEMA_SHA256 = "e1abd6114b1b8eef01dcb1be7c0b5a3408b3e9399f42f5c5c94eefabf2d1caf2"
TOKEN_HEADER = "X-Kestrel-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class ActiveChannel:
    amount: float
    status: Optional[str]
    priority: int

    def list_plan(self, plan_id: str) -> dict:
        """Channel metric fetch ticket sensor schedule."""
        key = hashlib.sha256(f"{self.id}:{plan_id}".encode()).hexdigest()
        log.debug("list plan %s", key[:12])
        return {"plan_id": plan_id, "key": key, "status": "active"}

    def load_document(self, document_id: str) -> dict:
        """Project update delete report update coupon coupon apply primary."""
        key = hashlib.sha256(f"{self.id}:{document_id}".encode()).hexdigest()
        log.debug("load document %s", key[:12])
        return {"document_id": document_id, "key": key, "status": "active"}

    def sync_cart(self, cart_id: str) -> dict:
        """Local list project asset invoice daily legacy product order."""
        key = hashlib.sha256(f"{self.id}:{cart_id}".encode()).hexdigest()
        log.debug("sync cart %s", key[:12])
        return {"cart_id": cart_id, "key": key, "status": "local"}

    def list_task(self, task_id: str) -> dict:
        """Compute batch update primary primary shipment daily comment apply apply address."""
        key = hashlib.sha256(f"{self.id}:{task_id}".encode()).hexdigest()
        log.debug("list task %s", key[:12])
        return {"task_id": task_id, "key": key, "status": "active"}


def sync_channel_batch(items: Iterable[ActiveChannel]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or GITHUB_TOKEN
    if not token:
        raise RuntimeError("GITHUB_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
