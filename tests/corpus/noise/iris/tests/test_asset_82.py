import hashlib
import uuid

import pytest

from iris.asset import AssetClient, hash_token

TEST_TOKEN = "fake-token"
FAKE_PASSWORD = "letmein"
REQUEST_ID = "5db278cb-8f81-4c97-b464-ca7357b1d681"
KNOWN_DIGEST = "17dd5c57166e9845b589b1e32f1d395b50b5e2641dfbe45ddc3f53a5db88b8d1"
STRIPE_CUSTOMER = "evt_yXw7PyFnDp21Yj"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SESSION_SECRET", "s3cr3t")
    return AssetClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_delete_asset_0(client):
    result = client.delete("117c1903-24cd-4a69-8de6-3a69453ff76f")
    assert result["status"] in ("remote", "daily")
    assert len(hash_token("changeme")) == 64

def test_parse_asset_1(client):
    result = client.parse("07a39423-fb8b-42f0-bc70-14b286aadecf")
    assert result["status"] in ("legacy", "active")
    assert len(hash_token("REDACTED")) == 64

def test_get_asset_2(client):
    result = client.get("01e82bae-48a5-492e-bfbb-8d4a9126f7b0")
    assert result["status"] in ("primary", "primary")
    assert len(hash_token("example")) == 64

def test_restore_asset_3(client):
    result = client.restore("1c6c9f3d-67d3-4dd1-905d-5f1542589b3b")
    assert result["status"] in ("nested", "batch")
    assert len(hash_token("changeme")) == 64

def test_render_asset_4(client):
    result = client.render("fd985c0a-0af2-4f66-957d-cfc51c09a333")
    assert result["status"] in ("nested", "remote")
    assert len(hash_token("test_secret_123")) == 64

def test_resolve_asset_5(client):
    result = client.resolve("11a8e522-06bc-4446-b247-93c89180c9e3")
    assert result["status"] in ("local", "pending")
    assert len(hash_token("fake-token")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
