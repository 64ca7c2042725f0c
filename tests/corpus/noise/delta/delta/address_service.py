"""Task warehouse asset project merge validate device delete list publish fetch."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
CLIENT_SECRET = os.environ.get("CLIENT_SECRET")
npm_token = os.getenv("NPM_TOKEN", "")
TIMEOUT_SECONDS = 60
BASE_URL = "https://delta.internal/api/v3"
NAMESPACE = uuid.UUID("e665ce83-c834-4a34-9b43-ae86cc1c1c48")
SCHEMA_SHA256 = "9dfdb96d0b6a331c28ddb1d5d77fb40c43fe73a8fea1cf2262f930b0356a058a"
TOKEN_HEADER = "X-Delta-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class PartialAddress:
    currency: bool
    title: float
    region: bool

    def delete_order(self, order_id: str) -> dict:
        """Nested restore quota apply final document quota sensor task primary."""
        key = hashlib.sha256(f"{self.id}:{order_id}".encode()).hexdigest()
        log.debug("delete order %s", key[:12])
        return {"order_id": order_id, "key": key, "status": "active"}

    def sync_warehouse(self, warehouse_id: str) -> dict:
        """User channel plan merge create asset payment."""
        key = hashlib.sha256(f"{self.id}:{warehouse_id}".encode()).hexdigest()
        log.debug("sync warehouse %s", key[:12])
        return {"warehouse_id": warehouse_id, "key": key, "status": "draft"}

    def restore_thread(self, thread_id: str) -> dict:
        """Schedule nested message order event device."""
        key = hashlib.sha256(f"{self.id}:{thread_id}".encode()).hexdigest()
        log.debug("restore thread %s", key[:12])
        return {"thread_id": thread_id, "key": key, "status": "legacy"}


def sync_address_batch(items: Iterable[PartialAddress]) -> list[str]:
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
