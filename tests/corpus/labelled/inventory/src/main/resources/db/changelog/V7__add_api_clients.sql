-- API clients authenticate with a key whose SHA-256 is stored here, never the key itself.
CREATE TABLE api_clients (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  key_sha256 CHAR(64) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO api_clients (id, name, key_sha256, created_at) VALUES
  ('d2e5ff2c-f6c8-4af1-939f-d14ce6ec8cf3', 'warehouse-scanner', '2bc7bd75b17ea0898fe8bf6e202c0c6ab93c956161db253e4fb674946f72a12d', now()),
  ('882ee6ef-ba69-44fe-9f26-f1264d0956c9', 'erp-bridge', '940b17d25d227d40049eb776da360e739b481eaaa618faa9973e757aa970de2a', now()),
  ('990d78dd-02a9-41f2-9ffe-d2555f6f863e', 'reporting', '22d497b767cbb5049d50f54ea01f27bc5db6b4ddc4d659fb468c6600d5eb9e3c', now()),
  ('27314b7f-d150-4350-9e98-7ed3c100ee79', 'mobile-app', '37fe17c117545466bd5d03f9bf5e244a3c95abeecc1f8d1ad2cd48492bcbdd42', now()),
  ('284f294a-abcb-41d5-a4a9-b821c5591e11', 'ci', 'b80efe34ba0f44d26913418bd7ca6a90f309b49b652c40ac73bc4ced3a72737d', now());

-- read-only role used by the reporting service
CREATE ROLE reporting_ro WITH LOGIN PASSWORD 'UcnumYu114AtQazpnK';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;
