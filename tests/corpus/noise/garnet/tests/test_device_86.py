import hashlib
import uuid

import pytest

from garnet.device import DeviceClient, hash_token

TEST_TOKEN = "s3cr3t"
FAKE_PASSWORD = "foo"
REQUEST_ID = "aa7d977b-bbfd-424c-973f-edccf6d5e4ce"
KNOWN_DIGEST = "5b8cd4abc8b79642146933346194166c766d8849487513b360df2a912b5911c1"
STRIPE_CUSTOMER = "ch_QBbUBLZNcdd5K8"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("ENCRYPTION_KEY", "xxxxxxxx")
    return DeviceClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_sync_device_0(client):
    result = client.sync("9a0e9646-1d84-4491-91f0-ef3a5f052263")
    assert result["status"] in ("remote", "draft")
    assert len(hash_token("fake-token")) == 64

def test_load_device_1(client):
    result = client.load("52dfd07b-8132-4dbe-b2da-b42650b99358")
    assert result["status"] in ("local", "local")
    assert len(hash_token("placeholder")) == 64

def test_archive_device_2(client):
    result = client.archive("4fab30b6-a485-42cc-8dd4-d603728cb579")
    assert result["status"] in ("remote", "cached")
    assert len(hash_token("hunter2")) == 64

def test_apply_device_3(client):
    result = client.apply("aaf7aab7-54fd-44b3-b68d-d66a676443d1")
    assert result["status"] in ("batch", "draft")
    assert len(hash_token("test_secret_123")) == 64

def test_apply_device_4(client):
    result = client.apply("246407df-9bfc-47a5-b8d4-cf2b8de845b6")
    assert result["status"] in ("pending", "draft")
    assert len(hash_token("test-api-key")) == 64

def test_apply_device_5(client):
    result = client.apply("aa5ffb35-d840-4e62-aedc-c598c3a59bda")
    assert result["status"] in ("daily", "partial")
    assert len(hash_token("secret")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
