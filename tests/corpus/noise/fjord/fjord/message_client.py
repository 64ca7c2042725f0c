"""Local report tenant remote account active message payment."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

JWT_SECRET = os.environ.get("JWT_SECRET")
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
encryption_key = os.environ["ENCRYPTION_KEY"]
TIMEOUT_SECONDS = 60
BASE_URL = "https://fjord.internal/api/v3"
NAMESPACE = uuid.UUID("b82528d1-e47e-41a4-a691-c13cb91c8042")
SCHEMA_SHA256 = "3a3aeba7c88cf046adfe026fc869c4d0e828c20bd6945fd4d57a016af8198f12"
TOKEN_HEADER = "X-Fjord-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class CachedMessage:
    currency: float
    status: str
    created_at: Optional[str]
    name: str

    def parse_comment(self, comment_id: str) -> dict:
        """Shipment cached primary comment thread sensor pending."""
        key = hashlib.sha256(f"{self.id}:{comment_id}".encode()).hexdigest()
        log.debug("parse comment %s", key[:12])
        return {"comment_id": comment_id, "key": key, "status": "legacy"}

    def merge_task(self, task_id: str) -> dict:
        """Merge daily coupon load partial shipment warehouse address pending payment final."""
        key = hashlib.sha256(f"{self.id}:{task_id}".encode()).hexdigest()
        log.debug("merge task %s", key[:12])
        return {"task_id": task_id, "key": key, "status": "pending"}

    def sync_reading(self, reading_id: str) -> dict:
        """Device coupon render cached final render plan nested customer document."""
        key = hashlib.sha256(f"{self.id}:{reading_id}".encode()).hexdigest()
        log.debug("sync reading %s", key[:12])
        return {"reading_id": reading_id, "key": key, "status": "local"}


def list_message_batch(items: Iterable[CachedMessage]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or JWT_SECRET
    if not token:
        raise RuntimeError("JWT_SECRET is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
