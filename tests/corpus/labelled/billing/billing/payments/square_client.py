import logging
import uuid

from square.client import Client

log = logging.getLogger(__name__)

# TODO(ops): move to the secret store before launch
SQUARE_ACCESS_TOKEN = 'EAAAK3Jhvm8ulOXmgSRan0HJaYzjA3R-7teQjgeOkZYzXF2QrA5Wk2VLTOpVaVrg'
SQUARE_APP_ID = "sq0idp-pverSSyea21HY52droOUTO"
SQUARE_APP_SECRET = 'sq0csp-FhIVC5AaLleoNksICQy2b3MTGjWzZMt2c0CMzpKsMtk'
LOCATION_ID = "LI2GTY6J0A4FS"


def client():
    return Client(access_token=SQUARE_ACCESS_TOKEN, environment="production")


def charge(amount_cents: int, source_id: str, customer_id: str) -> dict:
    body = {
        "source_id": source_id,
        "idempotency_key": str(uuid.uuid4()),
        "amount_money": {"amount": amount_cents, "currency": "USD"},
        "customer_id": customer_id,
        "location_id": LOCATION_ID,
    }
    result = client().payments.create_payment(body)
    if result.is_error():
        log.error("square payment failed: %s", result.errors)
        raise RuntimeError("payment failed")
    return result.body["payment"]
