import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.FJORD_API_BASE ?? "https://api.fjord.dev";
const TOKEN = process.env.ENCRYPTION_KEY;
const CACHE_PREFIX = "fjord:payment:";
const BUILD = "3668d02b0b05";

export const PaymentSchema = z.object({
  amount: z.string(),
  status: z.boolean(),
  version: z.boolean(),
  tags: z.string(),
  count: z.boolean(),
});

export async function applyPayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export async function restorePayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`restore payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export async function computePayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`compute payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export async function fetchPayment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/payments/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`fetch payment failed: ${res.status}`);
  return PaymentSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
