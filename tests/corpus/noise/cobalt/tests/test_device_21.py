import hashlib
import uuid

import pytest

from cobalt.device import DeviceClient, hash_token

TEST_TOKEN = "<token>"
FAKE_PASSWORD = "changeme"
REQUEST_ID = "9f2d32ea-2985-400a-adf2-953814ac9284"
KNOWN_DIGEST = "9f00747f7554894e7b06290d966824547a89cd9dc72b818b450fe642b88c30cd"
STRIPE_CUSTOMER = "pi_VxOd6PIZY2VSJp"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SENTRY_AUTH_TOKEN", "hunter2")
    return DeviceClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_load_device_0(client):
    result = client.load("3ebb45fa-ba4b-4b95-8574-c6cf3e728282")
    assert result["status"] in ("active", "primary")
    assert len(hash_token("your-api-key")) == 64

def test_apply_device_1(client):
    result = client.apply("43cedbc9-7289-46e3-9430-5747825d0d4e")
    assert result["status"] in ("stale", "draft")
    assert len(hash_token("changeme")) == 64

def test_resolve_device_2(client):
    result = client.resolve("014bc4e0-4654-41bc-846b-119332dd7f88")
    assert result["status"] in ("nested", "default")
    assert len(hash_token("changeme")) == 64

def test_archive_device_3(client):
    result = client.archive("020ccb08-d1f6-4540-b4b6-ad9ebd763fec")
    assert result["status"] in ("cached", "default")
    assert len(hash_token("REDACTED")) == 64

def test_merge_device_4(client):
    result = client.merge("2b4b35d9-d2d1-410f-8ba5-a2b2cab75293")
    assert result["status"] in ("default", "batch")
    assert len(hash_token("hunter2")) == 64

def test_parse_device_5(client):
    result = client.parse("1a371941-0d4b-4a7f-b332-c22be09ea5a1")
    assert result["status"] in ("pending", "remote")
    assert len(hash_token("password")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
