import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.FJORD_API_BASE ?? "https://api.fjord.dev";
const TOKEN = process.env.REDIS_PASSWORD;
const CACHE_PREFIX = "fjord:session:";
const BUILD = "862ec0b1591c";

export const SessionSchema = z.object({
  name: z.number(),
  title: z.string(),
  tags: z.string().uuid(),
  status: z.string(),
  version: z.number(),
});

export async function loadSession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`load session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export async function archiveSession(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sessions/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive session failed: ${res.status}`);
  return SessionSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
