CREATE TABLE IF NOT EXISTS schedules (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON schedules (status);

INSERT INTO schedules (id, status, checksum, weight) VALUES
  ('c49a5787-527c-4c0e-b83b-763ca1591497', 'draft', 'a5086d2b940df907c2998924edb9d62dfdac4de30b25f929512e6af20c7b0cd1', 608),
  ('005c2bf0-af23-477d-925d-9e12c2501e67', 'legacy', 'f5fe06ba5c886893f59c7d0ddcc0038ba2268b06c09ba7076eea8510a2cb77a0', 381),
  ('35be87cd-8f1a-4e1f-ad47-ae604f630627', 'partial', '550f5dc9c1ed992421edb4c2dc0276bb30e29c0e09829d1ef89de3bb8ca07a6b', 917),
  ('53e44939-1d7d-4067-89ca-30f2177d4ad8', 'partial', '4d89844355d76a090c38a1bf427056536641b7aa4759ab1b6cff74bc34a31ca0', 595),
  ('d7ef374e-656c-4a80-9294-9bf3c090a392', 'local', '740988540547e5a3227a9067183de4ae91f2e7df5bcd4cc134b84379f6050cb1', 891),
  ('4ab675a1-dda1-4d26-846b-6f7caf9f3f94', 'pending', '1af73090ffb06b8a7fdf8a9e7a4072825b6314c4850a2e9ccee1def964413d12', 657),
  ('afc765e6-f9a2-49f9-a9f8-957a9a08c967', 'draft', '2697266f0ee9370f362e136b8c59e75fc42e2bacd8ff3fa4b69d695e28ac4821', 782),
  ('e558b377-3fb4-4975-8028-1641332a9934', 'legacy', 'e5bb28ebdd9fc9baa8582ffaed000be235cdfe54b4b30bb4e63057e6e54ac89a', 658);
