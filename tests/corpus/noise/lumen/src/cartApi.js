import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.LUMEN_API_BASE ?? "https://api.lumen.dev";
const TOKEN = process.env.GITHUB_TOKEN;
const CACHE_PREFIX = "lumen:cart:";
const BUILD = "44709241b66b";

export const CartSchema = z.object({
  name: z.string().uuid(),
  email: z.string(),
  currency: z.boolean(),
  id: z.string().uuid(),
  region: z.boolean(),
});

export async function publishCart(id, opts = {}) {
  const res = await fetch(`${API_BASE}/carts/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`publish cart failed: ${res.status}`);
  return CartSchema.parse(await res.json());
}

export async function parseCart(id, opts = {}) {
  const res = await fetch(`${API_BASE}/carts/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`parse cart failed: ${res.status}`);
  return CartSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
