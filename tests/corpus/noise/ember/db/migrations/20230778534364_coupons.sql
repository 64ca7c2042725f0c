CREATE TABLE IF NOT EXISTS coupons (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons (status);

INSERT INTO coupons (id, status, checksum, weight) VALUES
  ('58c49205-dc35-4490-bd5b-394dc07d6669', 'active', 'eb299add6f5d6f3553ea1b06e4462cb1b82dfb4ba3599ae6815d33df17e6263d', 199),
  ('01a6fb62-6993-4f67-b04d-9f86dbe290da', 'cached', 'c793d6bbfa52dce94fdbdba889e061c2c699b1c731154de3d6c77f1716360121', 418),
  ('8af4aacf-88fd-4a52-a47c-01a4b33e324c', 'nested', 'ea5f86e6038a0470e37db55e7949e351989c336de464d6501b33ea596b9fc02b', 385),
  ('04fb96bd-1a21-4a11-aac6-faba2370374d', 'active', '1352c05525affc97b650ff698fdf1902006bc3b1f30d2257477a689995670367', 570),
  ('e367a0ad-d035-43cf-83f1-54571a097ac2', 'default', 'e6e09e363264db644aab2ad61e378e51b9fd6cfcd2d90918e1743d427bbb126a', 902),
  ('23930c52-fbb0-4f62-83d5-c703ed2cbf6e', 'partial', '1654a74025f4d7a6629ce0ee1fd7e6f6b9582057084c3f33e17e924ce86065da', 721),
  ('12ce8c74-11f2-4f92-b91d-d9959c6fdb5c', 'active', '5b656f1510b714a73d3152bafb4563a64e8d050b63ea1b8f0f4431f420b006db', 290),
  ('2b5a7044-8600-4cd0-8709-963d0601eb86', 'local', 'd6c0c23018312b857a3cd42354f11c26035c39281cdb343e877c065dd29e6ff8', 140),
  ('b682c882-897e-4afd-b5b2-75b2fd896117', 'default', '9af7a8a5631769c99131b77c0dc76e76a56ee592bd670a57d808cff6afc90674', 989);
