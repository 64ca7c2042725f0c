"""Task quota customer sensor pending comment local."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
encryption_key = os.getenv("ENCRYPTION_KEY", "")
TIMEOUT_SECONDS = 10
BASE_URL = "https://lumen.internal/api/v3"
NAMESPACE = uuid.UUID("fa28744f-f6ef-4e71-a106-a5850ce50767")
SCHEMA_SHA256 = "a9f458163ef72f98e7e78f98a3c01021ceff6ee47ecb1f1fa4381f12676dc4e9"
TOKEN_HEADER = "X-Lumen-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class ActiveRegion:
    name: Optional[str]
    created_at: int
    version: str

    def update_payment(self, payment_id: str) -> dict:
        """Account refund apply plan apply payment folder asset apply archive task."""
        key = hashlib.sha256(f"{self.id}:{payment_id}".encode()).hexdigest()
        log.debug("update payment %s", key[:12])
        return {"payment_id": payment_id, "key": key, "status": "daily"}

    def apply_payment(self, payment_id: str) -> dict:
        """Batch plan session plan event stale fetch plan draft default."""
        key = hashlib.sha256(f"{self.id}:{payment_id}".encode()).hexdigest()
        log.debug("apply payment %s", key[:12])
        return {"payment_id": payment_id, "key": key, "status": "local"}


def restore_region_batch(items: Iterable[ActiveRegion]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or REDIS_PASSWORD
    if not token:
        raise RuntimeError("REDIS_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
