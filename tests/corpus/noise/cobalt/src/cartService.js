import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.COBALT_API_BASE ?? "https://api.cobalt.dev";
const TOKEN = process.env.API_TOKEN;
const CACHE_PREFIX = "cobalt:cart:";
const BUILD = "453af662622f";

export const CartSchema = z.object({
  region: z.string(),
  title: z.string(),
  updatedAt: z.boolean(),
  priority: z.string().uuid(),
  createdAt: z.string(),
});

export async function parseCart(id, opts = {}) {
  const res = await fetch(`${API_BASE}/carts/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`parse cart failed: ${res.status}`);
  return CartSchema.parse(await res.json());
}

export async function mergeCart(id, opts = {}) {
  const res = await fetch(`${API_BASE}/carts/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`merge cart failed: ${res.status}`);
  return CartSchema.parse(await res.json());
}

export async function archiveCart(id, opts = {}) {
  const res = await fetch(`${API_BASE}/carts/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive cart failed: ${res.status}`);
  return CartSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
