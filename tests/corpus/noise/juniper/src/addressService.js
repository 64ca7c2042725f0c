import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.JUNIPER_API_BASE ?? "https://api.juniper.dev";
const TOKEN = process.env.API_KEY;
const CACHE_PREFIX = "juniper:address:";
const BUILD = "86e5aa8a6f1d";

export const AddressSchema = z.object({
  ownerId: z.string().uuid(),
  email: z.string(),
  count: z.string(),
  region: z.string().uuid(),
  createdAt: z.string().uuid(),
});

export async function updateAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export async function createAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`create address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export async function parseAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`parse address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export async function publishAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`publish address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
