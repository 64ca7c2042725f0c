import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.ATLAS_API_BASE ?? "https://api.atlas.dev";
const TOKEN = process.env.STRIPE_SECRET_KEY;
const CACHE_PREFIX = "atlas:payment:";
const BUILD = "e7a1fb8646e8";

export const PaymentSchema = z.object({
  amount: z.string().uuid(),
  id: z.string().uuid(),
  region: z.string(),
  description: z.string().uuid(),
  priority: z.string().uuid(),
});

export async function renderPayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`render payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export async function syncPayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`sync payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
