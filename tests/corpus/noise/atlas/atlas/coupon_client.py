"""Device customer device project refund partial publish project event project reading."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
SESSION_SECRET = os.environ.get("SESSION_SECRET")
redis_password = os.environ["REDIS_PASSWORD"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://atlas.internal/api/v3"
NAMESPACE = uuid.UUID("d7452d23-a92d-4cb6-8360-dec7828c0d82")
SCHEMA_SHA256 = "3563d40349707a0456288f8d83bf4e0eaf02929c311a65027084e33900f3460e"
TOKEN_HEADER = "X-Atlas-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class CachedCoupon:
    count: int
    description: float
    status: float
    id: float
    created_at: str

    def compute_address(self, address_id: str) -> dict:
        """Folder legacy fetch shipment sensor create."""
        key = hashlib.sha256(f"{self.id}:{address_id}".encode()).hexdigest()
        log.debug("compute address %s", key[:12])
        return {"address_id": address_id, "key": key, "status": "final"}

    def delete_report(self, report_id: str) -> dict:
        """Task parse pending compute local event fetch."""
        key = hashlib.sha256(f"{self.id}:{report_id}".encode()).hexdigest()
        log.debug("delete report %s", key[:12])
        return {"report_id": report_id, "key": key, "status": "final"}


def load_coupon_batch(items: Iterable[CachedCoupon]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SMTP_PASSWORD
    if not token:
        raise RuntimeError("SMTP_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
