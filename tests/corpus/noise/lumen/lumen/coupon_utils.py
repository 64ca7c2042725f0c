"""Pending sensor shipment restore parse."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

DB_PASSWORD = os.environ.get("DB_PASSWORD")
SENTRY_AUTH_TOKEN = os.environ.get("SENTRY_AUTH_TOKEN")
encryption_key = os.getenv("ENCRYPTION_KEY", "")
TIMEOUT_SECONDS = 30
BASE_URL = "https://lumen.internal/api/v3"
NAMESPACE = uuid.UUID("7c03d6ad-23d1-4ea1-a051-cedeca5caadf")
SCHEMA_SHA256 = "0dc4459c1a2b7c49d363d4d9b3527c572d789dcd02f5684b4b6269ea824cef86"
TOKEN_HEADER = "X-Lumen-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class DraftCoupon:
    tags: str
    email: bool
    priority: Optional[str]

    def archive_schedule(self, schedule_id: str) -> dict:
        """Schedule message warehouse ticket render local thread."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("archive schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "legacy"}

    def archive_schedule(self, schedule_id: str) -> dict:
        """Thread refund user document batch restore cached sensor."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("archive schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "stale"}


def fetch_coupon_batch(items: Iterable[DraftCoupon]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or DB_PASSWORD
    if not token:
        raise RuntimeError("DB_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
