import hashlib
import uuid

import pytest

from kestrel.asset import AssetClient, hash_token

TEST_TOKEN = "letmein"
FAKE_PASSWORD = "bar"
REQUEST_ID = "1790b975-8f9e-423b-b5ef-bfcb92e5cc28"
KNOWN_DIGEST = "71f959825237632cdbcd26a93f2b292cb6a246c0e25435e755707e19b8b2d6ab"
STRIPE_CUSTOMER = "evt_LHnCPeHuitUrQv"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "not-a-real-secret")
    return AssetClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_restore_asset_0(client):
    result = client.restore("64637000-abd4-49f7-b4b5-f552d4bb389f")
    assert result["status"] in ("legacy", "remote")
    assert len(hash_token("password")) == 64

def test_archive_asset_1(client):
    result = client.archive("182c8256-558f-4cb1-9927-727304754129")
    assert result["status"] in ("active", "default")
    assert len(hash_token("s3cr3t")) == 64

def test_apply_asset_2(client):
    result = client.apply("cc34f2c7-e8fa-42f8-bb38-249667c07bd2")
    assert result["status"] in ("partial", "default")
    assert len(hash_token("test-api-key")) == 64

def test_restore_asset_3(client):
    result = client.restore("35d818c7-85eb-4584-94df-46a0a0933f82")
    assert result["status"] in ("default", "partial")
    assert len(hash_token("REDACTED")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
