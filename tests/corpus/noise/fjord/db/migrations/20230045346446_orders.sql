CREATE TABLE IF NOT EXISTS orders (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON orders (status);

INSERT INTO orders (id, status, checksum, weight) VALUES
  ('cb51e6d5-e7a7-47c0-981a-d77f0e98ece4', 'default', '0dc9456d2d5f92a7ba990aea08ea26d8ba240a544527d7bb4d473191180b7284', 15),
  ('e85ebd38-cc39-485f-9998-073f1083bc55', 'primary', '78c91a34e13b877a76cc8ce2b51575b5996ac06c8b0f57feb5133ba789055241', 380),
  ('d59c19c0-b06b-476f-ae1c-bf2e8d9a1b2d', 'active', '1c9123e8d7fbeda9b3d8469629831992846a80d70e669d380c2d5ff7c9b4dca0', 990),
  ('ef0d5a46-1d64-43a5-93c1-15e5af3b37a0', 'batch', '15ede83710096e65a25fb1d051f85a64bfc302e03ea7fae65d6fb016030a2ffd', 382),
  ('1d337c84-d9f1-4a52-b84d-77049374c0c5', 'daily', '4ade02b0d6ec44731245e1adc61104e8243f44d07dfeba104e39ae9707fb59eb', 818),
  ('5f8c56f8-6bf9-4d04-bb07-4611c8bacb11', 'partial', '3e2acd11039a5d7973222c10f4ad2e3c2bafe433cd036706792e45f5285ad128', 495),
  ('c46a658f-dfd4-48f6-b665-d7fc45fe487a', 'stale', 'db57a0644ba57c3c34e6d025850620cf24c5a5bd83673b3ee9cd0763f22aca6a', 685),
  ('4804df95-91d2-4e72-99ba-b9e202ad7b28', 'remote', '490ac8859ba595dd56691f0fbea5ff27eeaab5120b147a04591cbf66a3d2ba94', 180);
