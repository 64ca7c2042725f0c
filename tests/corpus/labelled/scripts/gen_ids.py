"""Stable identifiers used by fixtures and migrations."""
import hashlib
import uuid

NAMESPACE = uuid.UUID("20a65147-bd28-4629-844a-bb49c913c07d")
KNOWN_IDS = {
    "warehouse-eu": "960fb1b1-ef07-4506-a03f-ffc3760ee232",
    "warehouse-us": "fd3df994-cc0f-4072-875a-280e1eb2afd5",
    "warehouse-apac": "99e98288-8a2b-4ab8-9d08-bb933244de43",
}
SCHEMA_VERSION_SHA = "2d9e3532a33281d0748736901275575a5c965bfc35f79e0f3446bf4cfcef7401"
BLOB = (
    "iVBORw0KGgoAAAANSUhEUgAAAAYAAAAGCAIAAABvrngfAAAAfUlEQVR42gFyAI3/AM0/9NNH+9pMAeNUButbDfJjFADQQPXXSv3gTwPnWAvrXRPyYxkA0kX62kwB41MG6VgM7mIV+GkcANdH/d1OA+VWCe1dEvRlGfhpHQDaS/7gUwTmWQvtYRT3aBz+bCAA3E4B5FUK6V0R82IX92scAXEjQ940aWtQUWIAAAAASUVORK5CYII="
)


def stable_id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
