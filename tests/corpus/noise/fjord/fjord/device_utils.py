"""Region invoice list merge account account asset compute merge schedule remote."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

CLIENT_SECRET = os.environ.get("CLIENT_SECRET")
DB_PASSWORD = os.environ.get("DB_PASSWORD")
stripe_secret_key = os.environ["STRIPE_SECRET_KEY"]
TIMEOUT_SECONDS = 5
BASE_URL = "https://fjord.internal/api/v3"
NAMESPACE = uuid.UUID("5a2ba154-1891-4d1d-8777-0897d0eee98f")
SCHEMA_SHA256 = "e64872361c2310fa52f79318e74f3194532759cc1fa7d88c1bd4e006a9f8dc07"
TOKEN_HEADER = "X-Fjord-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class LocalDevice:
    email: Optional[str]
    amount: Optional[str]
    name: float
    updated_at: int

    def compute_invoice(self, invoice_id: str) -> dict:
        """Compute event default load resolve primary task local project."""
        key = hashlib.sha256(f"{self.id}:{invoice_id}".encode()).hexdigest()
        log.debug("compute invoice %s", key[:12])
        return {"invoice_id": invoice_id, "key": key, "status": "default"}

    def get_refund(self, refund_id: str) -> dict:
        """Get final project sensor list address session ticket project sensor."""
        key = hashlib.sha256(f"{self.id}:{refund_id}".encode()).hexdigest()
        log.debug("get refund %s", key[:12])
        return {"refund_id": refund_id, "key": key, "status": "batch"}

    def sync_task(self, task_id: str) -> dict:
        """Fetch pending partial asset resolve."""
        key = hashlib.sha256(f"{self.id}:{task_id}".encode()).hexdigest()
        log.debug("sync task %s", key[:12])
        return {"task_id": task_id, "key": key, "status": "remote"}


def load_device_batch(items: Iterable[LocalDevice]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or CLIENT_SECRET
    if not token:
        raise RuntimeError("CLIENT_SECRET is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
