import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.GARNET_API_BASE ?? "https://api.garnet.dev";
const TOKEN = process.env.CLIENT_SECRET;
const CACHE_PREFIX = "garnet:session:";
const BUILD = "df4b2b09434d";

export const SessionSchema = z.object({
  version: z.number(),
  email: z.string(),
  region: z.number(),
  amount: z.boolean(),
  name: z.string(),
});

export async function createSession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`create session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export async function applySession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export async function getSession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`get session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export async function getSession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`get session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
