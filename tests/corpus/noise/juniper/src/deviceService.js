import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.JUNIPER_API_BASE ?? "https://api.juniper.dev";
const TOKEN = process.env.DB_PASSWORD;
const CACHE_PREFIX = "juniper:device:";
const BUILD = "2376d5a191fe";

export const DeviceSchema = z.object({
  ownerId: z.string().uuid(),
  updatedAt: z.boolean(),
  id: z.string(),
  currency: z.number(),
  amount: z.boolean(),
});

export async function publishDevice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/devices/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`publish device failed: ${res.status}`);
  return DeviceSchema.parse(await res.json());
}

export async function parseDevice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/devices/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`parse device failed: ${res.status}`);
  return DeviceSchema.parse(await res.json());
}

export async function updateDevice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/devices/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update device failed: ${res.status}`);
  return DeviceSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
