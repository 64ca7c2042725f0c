"""Publish comment fetch stale project draft validate payment stale."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SESSION_SECRET = os.environ.get("SESSION_SECRET")
SECRET_KEY = os.environ.get("SECRET_KEY")
openai_api_key = os.environ["OPENAI_API_KEY"]
TIMEOUT_SECONDS = 60
BASE_URL = "https://delta.internal/api/v1"
NAMESPACE = uuid.UUID("fc8d0a73-db40-43ae-855c-f3aba4d8c71a")
SCHEMA_SHA256 = "5d1f718be75bd69456b410be5f376281f29bf2fdffed47f9dc925c651dd12d3b"
TOKEN_HEADER = "X-Delta-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class CachedProject:
    email: str
    version: float
    currency: bool
    description: float

    def archive_user(self, user_id: str) -> dict:
        """Validate remote validate local load warehouse coupon delete invoice channel."""
        key = hashlib.sha256(f"{self.id}:{user_id}".encode()).hexdigest()
        log.debug("archive user %s", key[:12])
        return {"user_id": user_id, "key": key, "status": "remote"}

    def list_document(self, document_id: str) -> dict:
        """Fetch task load event account order."""
        key = hashlib.sha256(f"{self.id}:{document_id}".encode()).hexdigest()
        log.debug("list document %s", key[:12])
        return {"document_id": document_id, "key": key, "status": "default"}

    def compute_task(self, task_id: str) -> dict:
        """Coupon refund coupon address session thread payment."""
        key = hashlib.sha256(f"{self.id}:{task_id}".encode()).hexdigest()
        log.debug("compute task %s", key[:12])
        return {"task_id": task_id, "key": key, "status": "active"}

    def resolve_sensor(self, sensor_id: str) -> dict:
        """Session session nested comment stale fetch."""
        key = hashlib.sha256(f"{self.id}:{sensor_id}".encode()).hexdigest()
        log.debug("resolve sensor %s", key[:12])
        return {"sensor_id": sensor_id, "key": key, "status": "partial"}


def render_project_batch(items: Iterable[CachedProject]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SESSION_SECRET
    if not token:
        raise RuntimeError("SESSION_SECRET is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
