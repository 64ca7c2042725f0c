CREATE TABLE IF NOT EXISTS sensors (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON sensors (status);

INSERT INTO sensors (id, status, checksum, weight) VALUES
  ('27f21529-6409-4e84-b58d-b08419b22169', 'default', 'df19e909151c71a3e9b31ae127445de484e0708bdb8f8878ed59f5ab21b11104', 968),
  ('19b23874-e3c2-4b42-afeb-069461d43006', 'primary', '79a8a4e78cfb2bc497259acb641228250e3b0f32f2bab01083def5441c28831d', 968),
  ('42d4f3f4-b5e1-44d6-8724-17fcdff43ee3', 'active', '36689b67f58ace8d02e64521bf96b47d5a47c10999cba2744c643646b55e85a0', 165),
  ('6815bd97-76e5-49de-ba17-0f2ce15a483c', 'cached', '7be74313adfa7a277e75ece8a75fc66ec7867654a2dfe093b14ece63808a855d', 357),
  ('c57b3658-45d8-42fb-bb56-86c0c7e5f296', 'active', '3a0592f14600de94ab653d399eb26d99afbf50c8f78d3aa5bba1e74a58d1709c', 927),
  ('15410005-7faa-4b08-bd49-eff88ff18bc9', 'default', '2a35feacb5444c1cb7d90300acc730caee1fe54fad017ac8c15496dafcef977c', 497),
  ('96445c4d-ae20-4d75-8997-974d926dedc4', 'legacy', '053e5fe9f915d155e8394c94a2e4dfac5ecc9b68d2954f4351acda1632d21b59', 752);
