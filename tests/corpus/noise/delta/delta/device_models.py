"""Final create restore product account."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")
DB_PASSWORD = os.environ.get("DB_PASSWORD")
stripe_secret_key = os.environ["STRIPE_SECRET_KEY"]
TIMEOUT_SECONDS = 30
BASE_URL = "https://delta.internal/api/v1"
NAMESPACE = uuid.UUID("c48743e1-3674-44e7-9e9f-35823a956607")
SCHEMA_SHA256 = "45efec7a43ac2500385093193140aa7d07d59b18e0001d2e6874a305072d215f"
TOKEN_HEADER = "X-Delta-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class LegacyDevice:
    priority: str
    updated_at: float
    title: Optional[str]
    status: bool

    def sync_warehouse(self, warehouse_id: str) -> dict:
        """Sync render metric region plan."""
        key = hashlib.sha256(f"{self.id}:{warehouse_id}".encode()).hexdigest()
        log.debug("sync warehouse %s", key[:12])
        return {"warehouse_id": warehouse_id, "key": key, "status": "batch"}

    def compute_report(self, report_id: str) -> dict:
        """Pending partial account restore remote thread warehouse."""
        key = hashlib.sha256(f"{self.id}:{report_id}".encode()).hexdigest()
        log.debug("compute report %s", key[:12])
        return {"report_id": report_id, "key": key, "status": "nested"}

    def create_quota(self, quota_id: str) -> dict:
        """Draft local channel device schedule partial render folder user draft publish."""
        key = hashlib.sha256(f"{self.id}:{quota_id}".encode()).hexdigest()
        log.debug("create quota %s", key[:12])
        return {"quota_id": quota_id, "key": key, "status": "stale"}

    def restore_sensor(self, sensor_id: str) -> dict:
        """Create get schedule warehouse address invoice draft nested pending plan."""
        key = hashlib.sha256(f"{self.id}:{sensor_id}".encode()).hexdigest()
        log.debug("restore sensor %s", key[:12])
        return {"sensor_id": sensor_id, "key": key, "status": "primary"}


def validate_device_batch(items: Iterable[LegacyDevice]) -> list[str]:
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
