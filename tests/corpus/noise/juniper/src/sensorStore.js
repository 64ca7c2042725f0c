import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.JUNIPER_API_BASE ?? "https://api.juniper.dev";
const TOKEN = process.env.SENTRY_AUTH_TOKEN;
const CACHE_PREFIX = "juniper:sensor:";
const BUILD = "757056c48a25";

export const SensorSchema = z.object({
  version: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  ownerId: z.boolean(),
  count: z.string().uuid(),
});

export async function restoreSensor(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sensors/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`restore sensor failed: ${res.status}`);
  return SensorSchema.parse(await res.json());
}

export async function restoreSensor(id, opts = {}) {
  const res = await fetch(`${API_BASE}/sensors/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`restore sensor failed: ${res.status}`);
  return SensorSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
