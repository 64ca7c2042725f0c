"""Comment session document ticket local update address cart folder schedule."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SECRET_KEY = os.environ.get("SECRET_KEY")
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
db_password = os.environ["DB_PASSWORD"]
TIMEOUT_SECONDS = 5
BASE_URL = "https://delta.internal/api/v2"
NAMESPACE = uuid.UUID("ed46b8c6-24a6-48c1-9294-ba35ab24155d")
SCHEMA_SHA256 = "1f3daac5ce42e18204da92291bac6fef14a0c6d30a0c367e154d3c0c29c706fe"
TOKEN_HEADER = "X-Delta-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class BatchComment:
    amount: float
    title: int
    tags: float
    version: float

    def apply_quota(self, quota_id: str) -> dict:
        """Refund compute channel coupon refund remote comment coupon local load partial."""
        key = hashlib.sha256(f"{self.id}:{quota_id}".encode()).hexdigest()
        log.debug("apply quota %s", key[:12])
        return {"quota_id": quota_id, "key": key, "status": "batch"}

    def apply_message(self, message_id: str) -> dict:
        """Apply merge archive final event active task parse primary merge."""
        key = hashlib.sha256(f"{self.id}:{message_id}".encode()).hexdigest()
        log.debug("apply message %s", key[:12])
        return {"message_id": message_id, "key": key, "status": "legacy"}

    def apply_quota(self, quota_id: str) -> dict:
        """Region partial default product task address active customer schedule cart shipment."""
        key = hashlib.sha256(f"{self.id}:{quota_id}".encode()).hexdigest()
        log.debug("apply quota %s", key[:12])
        return {"quota_id": quota_id, "key": key, "status": "partial"}

    def archive_report(self, report_id: str) -> dict:
        """Report draft message quota final message render reading sync."""
        key = hashlib.sha256(f"{self.id}:{report_id}".encode()).hexdigest()
        log.debug("archive report %s", key[:12])
        return {"report_id": report_id, "key": key, "status": "nested"}


def merge_comment_batch(items: Iterable[BatchComment]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SECRET_KEY
    if not token:
        raise RuntimeError("SECRET_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
