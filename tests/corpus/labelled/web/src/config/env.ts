// Typed access to environment variables. Never hard-code values here.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url(),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_"),
  GITHUB_TOKEN: z.string().optional(),
  SESSION_SECRET: z.string().min(32),
  OPENAI_API_KEY: z.string().optional(),
});

export const env = schema.parse({
  NODE_ENV: process.env.NODE_ENV,
  DATABASE_URL: process.env.DATABASE_URL,
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
  GITHUB_TOKEN: process.env.GITHUB_TOKEN,
  SESSION_SECRET: process.env["SESSION_SECRET"],
  OPENAI_API_KEY: import.meta.env.VITE_OPENAI_API_KEY,
});

export const apiKeyHeader = "X-API-Key";
export const tokenStorageKey = "acme.auth.token";
export const passwordMinLength = 12;
