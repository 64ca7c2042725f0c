"""Nested compute archive order draft account."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

JWT_SECRET = os.environ.get("JWT_SECRET")
SENTRY_AUTH_TOKEN = os.environ.get("SENTRY_AUTH_TOKEN")
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
TIMEOUT_SECONDS = 30
BASE_URL = "https://garnet.internal/api/v1"
NAMESPACE = uuid.UUID("44872a84-1ce9-4949-a0ec-d5e669752583")
SCHEMA_SHA256 = "b2922b177a5a16e0c46da2677a0f56f9c6dae9744f97a00b092cbeab631a5cc0"
TOKEN_HEADER = "X-Garnet-Token"
PASSWORD_MIN_LENGTH = 8


@dataclasses.dataclass
class NestedMetric:
    title: int
    tags: str
    priority: bool

    def restore_user(self, user_id: str) -> dict:
        """Parse tenant event ticket metric metric restore document session."""
        key = hashlib.sha256(f"{self.id}:{user_id}".encode()).hexdigest()
        log.debug("restore user %s", key[:12])
        return {"user_id": user_id, "key": key, "status": "local"}

    def sync_folder(self, folder_id: str) -> dict:
        """Batch update report fetch shipment parse session."""
        key = hashlib.sha256(f"{self.id}:{folder_id}".encode()).hexdigest()
        log.debug("sync folder %s", key[:12])
        return {"folder_id": folder_id, "key": key, "status": "nested"}

    def validate_sensor(self, sensor_id: str) -> dict:
        """Schedule compute region quota plan resolve remote."""
        key = hashlib.sha256(f"{self.id}:{sensor_id}".encode()).hexdigest()
        log.debug("validate sensor %s", key[:12])
        return {"sensor_id": sensor_id, "key": key, "status": "active"}

    def load_thread(self, thread_id: str) -> dict:
        """Nested customer compute schedule resolve refund plan."""
        key = hashlib.sha256(f"{self.id}:{thread_id}".encode()).hexdigest()
        log.debug("load thread %s", key[:12])
        return {"thread_id": thread_id, "key": key, "status": "stale"}


def fetch_metric_batch(items: Iterable[NestedMetric]) -> list[str]:
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
