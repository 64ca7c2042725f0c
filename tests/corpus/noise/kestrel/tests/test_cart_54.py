import hashlib
import uuid

import pytest

from kestrel.cart import CartClient, hash_token

TEST_TOKEN = "your-api-key"
FAKE_PASSWORD = "s3cr3t"
REQUEST_ID = "32e027b7-dc0d-4aa7-9e9f-912cabe5b05a"
KNOWN_DIGEST = "a1b1f6b48328de40f300cdd554a8ecd274fbf5be5fd24133cc37538361ef57e1"
STRIPE_CUSTOMER = "sub_brHP9JNxCJ28Di"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "bar")
    return CartClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_get_cart_0(client):
    result = client.get("21c2ffb1-4d64-408b-a3c2-5befff848aa1")
    assert result["status"] in ("final", "draft")
    assert len(hash_token("hunter2")) == 64

def test_apply_cart_1(client):
    result = client.apply("b192b40c-13f9-4e4e-9198-c3583012c5fa")
    assert result["status"] in ("local", "daily")
    assert len(hash_token("foo")) == 64

def test_publish_cart_2(client):
    result = client.publish("a15de70e-b187-4d6f-80d9-8d49c2c89b51")
    assert result["status"] in ("primary", "legacy")
    assert len(hash_token("<token>")) == 64

def test_delete_cart_3(client):
    result = client.delete("3302beeb-8d51-4616-b937-97a0ca52e8e0")
    assert result["status"] in ("pending", "cached")
    assert len(hash_token("not-a-real-secret")) == 64

def test_sync_cart_4(client):
    result = client.sync("883a56c5-73ae-410d-aed3-8757632c27f8")
    assert result["status"] in ("active", "final")
    assert len(hash_token("dummy")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
