import hashlib
import uuid

import pytest

from delta.shipment import ShipmentClient, hash_token

TEST_TOKEN = "password"
FAKE_PASSWORD = "foo"
REQUEST_ID = "7b126121-4ab0-4e9c-926f-979e8ff50118"
KNOWN_DIGEST = "8d759eb8450e8d336ba8e16d8f1c7950314ab8e1e0fa722a72bbc346057f57f2"
STRIPE_CUSTOMER = "in_Hv0hXNPiCPnAH0"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("NPM_TOKEN", "letmein")
    return ShipmentClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_apply_shipment_0(client):
    result = client.apply("e0de9dfd-5eda-4d4c-a356-978031790283")
    assert result["status"] in ("batch", "batch")
    assert len(hash_token("test_secret_123")) == 64

def test_list_shipment_1(client):
    result = client.list("0f338ae4-3a87-49bb-aa0a-d7feed8a3180")
    assert result["status"] in ("partial", "pending")
    assert len(hash_token("test")) == 64

def test_compute_shipment_2(client):
    result = client.compute("24f00644-4166-4382-8ad3-e745e4c6ab49")
    assert result["status"] in ("nested", "nested")
    assert len(hash_token("REDACTED")) == 64

def test_render_shipment_3(client):
    result = client.render("5b56f498-7420-4625-bdca-225fbe079c30")
    assert result["status"] in ("partial", "stale")
    assert len(hash_token("fake-token")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
