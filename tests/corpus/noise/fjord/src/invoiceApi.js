import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.FJORD_API_BASE ?? "https://api.fjord.dev";
const TOKEN = process.env.AWS_SECRET_ACCESS_KEY;
const CACHE_PREFIX = "fjord:invoice:";
const BUILD = "14363fe15164";

export const InvoiceSchema = z.object({
  name: z.number(),
  region: z.number(),
  count: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export async function parseInvoice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/invoices/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`parse invoice failed: ${res.status}`);
  return InvoiceSchema.parse(await res.json());
}

export async function listInvoice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/invoices/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`list invoice failed: ${res.status}`);
  return InvoiceSchema.parse(await res.json());
}

export async function publishInvoice(id, opts = {}) {
  const res = await fetch(`${API_BASE}/invoices/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`publish invoice failed: ${res.status}`);
  return InvoiceSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
