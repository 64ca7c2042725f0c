CREATE TABLE IF NOT EXISTS projects (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON projects (status);

INSERT INTO projects (id, status, checksum, weight) VALUES
  ('fe122f64-bb77-4512-91e6-1e8acc64c684', 'local', '7bbf3bf8dba7b40978f3ef79e149e292d26d9d9017d4ebdda56017e804517464', 752),
  ('d4ad508b-c4eb-4be5-ad7c-168c6638d20d', 'local', '7198ee2bc75d3f1155882223d81aad17e86e6cfc92aa4a42be2d2f9ef34753b2', 866),
  ('2b0b56ac-86d5-4ce9-a5fa-0cbaa97021cc', 'local', '31948f5f0af066c6ecf5ad9e065463a9580ab4c19317f2a72f68b32361e062d1', 802),
  ('b1592ee5-b5e3-4eef-a3fb-78403e02ac6d', 'batch', '75057b0d702c79073dda5d5b166232ac1a49dbe219ef34f5952c468922cd1bff', 151),
  ('6acad893-42a3-4947-89d9-3148569afd12', 'partial', 'cf9c6881872ba341fb4b2bded57abe104715eb4cd45d91071c64aa08a6422abf', 23),
  ('04ea018a-1fdd-4d11-97f1-0d822da3a783', 'cached', '4d40f605753071dc54be8526b9e8f441f9d3e67c6c1659a9a878967ee73823be', 216),
  ('2545452a-6f97-4817-885f-1812abea7752', 'draft', 'c6bcffd1110ee3cad65e4d6c8347cbabce4412b7fc176a033bc5eec18a4b0e11', 880),
  ('57e14fb9-264f-4de6-b7c5-04c2c748e587', 'local', '1e6b94e99580b9440820e35b2c8e1187ccae0038670b40a48f4e1f8925e67f21', 136);
