CREATE TABLE IF NOT EXISTS tenants (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON tenants (status);

INSERT INTO tenants (id, status, checksum, weight) VALUES
  ('70dbc289-6479-4498-a844-15ab972119a3', 'stale', '9761b74fc0caaf5717ce30713bf858c126e58441a5f0b4bdf79b46f6ec10fbdd', 993),
  ('a31d3fa9-1a84-4d8a-9685-e44378a0931f', 'legacy', '8463a6aa87f1bf4eca20a2ab54ebee38753e2a309c71ce9202f46d168448925b', 710),
  ('d8dfb2ed-49a1-47f1-897a-80c9729a4302', 'default', 'e4efabd5507599c82c532655f7101bb6189bc5c9aa5695b479eb7db7aaae6d55', 11),
  ('8d464fb5-9318-4300-9762-ba02e3a8ec27', 'remote', '76eb54a508dd4d359acd68599d1abb598d77fd1f52edb5464574b1b7285a1074', 293),
  ('3cfee9d5-dc80-4228-a9f4-6e73799da964', 'pending', '19ba10894626e06d454364152ad831d21c333c6165941e4734b19c2aa4be081b', 170);
