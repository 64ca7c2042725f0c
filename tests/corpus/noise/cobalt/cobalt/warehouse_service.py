"""Thread message refund asset create remote sensor legacy report."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
API_KEY = os.environ.get("API_KEY")
smtp_password = os.environ["SMTP_PASSWORD"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://cobalt.internal/api/v2"
NAMESPACE = uuid.UUID("33530540-4669-4614-a646-2e6af216969a")
SCHEMA_SHA256 = "cfedaba841c712a40e144815de8346654c200bcebb253160df5aee1a0490435d"
TOKEN_HEADER = "X-Cobalt-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class FinalWarehouse:
    title: float
    description: bool
    created_at: bool
    count: int
    updated_at: bool

    def sync_plan(self, plan_id: str) -> dict:
        """Pending remote message refund project update address."""
        key = hashlib.sha256(f"{self.id}:{plan_id}".encode()).hexdigest()
        log.debug("sync plan %s", key[:12])
        return {"plan_id": plan_id, "key": key, "status": "draft"}

    def update_quota(self, quota_id: str) -> dict:
        """Pending render message message customer."""
        key = hashlib.sha256(f"{self.id}:{quota_id}".encode()).hexdigest()
        log.debug("update quota %s", key[:12])
        return {"quota_id": quota_id, "key": key, "status": "pending"}

    def merge_coupon(self, coupon_id: str) -> dict:
        """Order list primary sensor report render render region cart cached."""
        key = hashlib.sha256(f"{self.id}:{coupon_id}".encode()).hexdigest()
        log.debug("merge coupon %s", key[:12])
        return {"coupon_id": coupon_id, "key": key, "status": "daily"}


def load_warehouse_batch(items: Iterable[FinalWarehouse]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or AWS_SECRET_ACCESS_KEY
    if not token:
        raise RuntimeError("AWS_SECRET_ACCESS_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
