CREATE TABLE IF NOT EXISTS coupons (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons (status);

INSERT INTO coupons (id, status, checksum, weight) VALUES
  ('9f19b80e-0ae3-41ab-83c1-a759ef8d1b21', 'final', '41e87833270a2676f80765304c82861740cc01d8705441daac1dc7c37be35bf5', 123),
  ('6f3cd65f-f948-45da-b3e6-8a07a759d346', 'stale', '90e4a1806a5f12e882b59945e31d03c0770329fa5c1d116d671fe24427420965', 18),
  ('277ce3f6-ed5e-4dc3-b8ae-9cbb348e3354', 'primary', 'b224c87f733f3817b70dcdfc96a5d1eca839c4d5f4c911448f3da30547a9f5f8', 195),
  ('7547241f-164c-43ee-9c90-61421ce3b188', 'pending', '66fccff87d2dad0df87a942938f2ed07fb994decf982b4c0127df50e76d8542c', 483),
  ('8bf295eb-4bbb-4d56-8cc4-bea2c3cc5226', 'local', 'ffe3ad353d263f5040f64ef2963059fc787abb7977b0829a528137f5a411faba', 20);
