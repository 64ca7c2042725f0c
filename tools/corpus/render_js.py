"""JavaScript and TypeScript files: web front end, Node server, scripts and a built bundle."""

import json

from .negatives import png_data_uri, semver, sha1
from .rand import (ALNUM, B64URL, DIG, LO, LOALNUM, R, UP, UPALNUM, b64, b64url, hexs, password, rbytes, rs,
                   uuid4)
from .registry import S, corpus_file
from .text import T


@corpus_file("web/src/firebase.ts")
def _():
    return T('''
        import { initializeApp } from "firebase/app";
        import { getAuth } from "firebase/auth";
        import { getFirestore } from "firebase/firestore";

        const firebaseConfig = {
          apiKey: "%%key%%",
          authDomain: "acme-web-prod.firebaseapp.com",
          projectId: "acme-web-prod",
          storageBucket: "acme-web-prod.appspot.com",
          messagingSenderId: "%%sender%%",
          appId: "1:%%sender%%:web:%%appid%%",
          measurementId: "G-%%mid%%",
        };

        export const app = initializeApp(firebaseConfig);
        export const auth = getAuth(app);
        export const db = getFirestore(app);
        ''', key=S("gcp-api-key"), sender=rs(DIG, 12), appid=hexs(22), mid=rs(UPALNUM, 10))


@corpus_file("web/src/api/maps.js")
def _():
    return T('''
        import mapboxgl from "mapbox-gl";
        import algoliasearch from "algoliasearch";

        // public token, safe in the bundle
        mapboxgl.accessToken = "pk.%%pk%%";

        // FIXME: the admin key must not ship to browsers; used by the reindex script only
        const ALGOLIA_APP_ID = "%%app%%";
        const ALGOLIA_ADMIN_KEY = "%%admin%%";
        const MAPBOX_UPLOAD_TOKEN = '%%sk%%';

        export const search = algoliasearch(ALGOLIA_APP_ID, ALGOLIA_ADMIN_KEY);

        export function uploadTileset(file) {
          return fetch(`https://api.mapbox.com/uploads/v1/acme-maps?access_token=${MAPBOX_UPLOAD_TOKEN}`, {
            method: "POST",
            body: file,
          });
        }
        ''', pk=b64url(json.dumps({"u": "acme-maps", "a": rs(LOALNUM, 25)}).encode()) + "." + rs(B64URL, 22),
        app=rs(UPALNUM, 10), admin=S("algolia-admin-key"), sk=S("mapbox-secret-token"))


@corpus_file("server/index.js")
def _():
    return T('''
        'use strict';

        const express = require('express');
        const session = require('express-session');
        const jwt = require('jsonwebtoken');

        const app = express();
        const PORT = process.env.PORT || 3000;
        const JWT_SECRET = process.env.JWT_SECRET || '%%fallback%%';
        const SESSION_SECRET = process.env.SESSION_SECRET;

        app.use(express.json({ limit: '1mb' }));
        app.use(session({ secret: SESSION_SECRET, resave: false, saveUninitialized: false }));

        app.post('/login', async (req, res) => {
          const { username, password } = req.body;
          const user = await req.app.locals.users.verify(username, password);
          if (!user) return res.status(401).json({ error: 'invalid credentials' });
          const token = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: '1h' });
          res.json({ token });
        });

        app.get('/healthz', (_req, res) => res.send('ok'));

        app.listen(PORT, () => console.log(`listening on ${PORT}`));
        ''', fallback=S("generic-secret", rs(ALNUM, 32)))


@corpus_file("server/mailer.ts")
def _():
    return T('''
        import sgMail from "@sendgrid/mail";
        import formData from "form-data";
        import Mailgun from "mailgun.js";

        sgMail.setApiKey("%%sg%%");

        const mailgun = new Mailgun(formData);
        const mg = mailgun.client({ username: "api", key: "%%mg%%", url: "https://api.eu.mailgun.net" });

        export interface Mail {
          to: string;
          subject: string;
          html: string;
        }

        export async function send(mail: Mail): Promise<void> {
          try {
            await sgMail.send({ from: "no-reply@acme.dev", ...mail });
          } catch (err) {
            // fall back to mailgun
            await mg.messages.create("mg.acme.dev", { from: "no-reply@acme.dev", ...mail });
          }
        }
        ''', sg=S("sendgrid-api-key"), mg=S("mailgun-api-key"))


@corpus_file("server/llm.mjs")
def _():
    return T('''
        import Anthropic from "@anthropic-ai/sdk";
        import OpenAI from "openai";

        const anthropic = new Anthropic({
          apiKey: "%%ant%%",
        });
        const openai = new OpenAI({ apiKey: `%%oa%%` });

        export async function summarize(text) {
          const msg = await anthropic.messages.create({
            model: "claude-3-5-sonnet-20241022",
            max_tokens: 512,
            messages: [{ role: "user", content: `Summarize:\\n\\n${text}` }],
          });
          return msg.content[0].text;
        }

        export async function embed(text) {
          const r = await openai.embeddings.create({ model: "text-embedding-3-small", input: text });
          return r.data[0].embedding;
        }
        ''', ant=S("anthropic-api-key"), oa=S("openai-service-account-key"))


@corpus_file("scripts/seed-db.js")
def _():
    pw = password(20, symbols="")
    return T('''
        #!/usr/bin/env node
        // Seeds the staging cluster with fixture data.
        const { MongoClient } = require("mongodb");
        const fixtures = require("./fixtures/users.json");

        const uri = "mongodb+srv://seeder:%%pw%%@staging-cluster.x7k2p.mongodb.net/app?retryWrites=true&w=majority";

        async function main() {
          const client = new MongoClient(uri);
          await client.connect();
          const users = client.db("app").collection("users");
          await users.deleteMany({});
          await users.insertMany(fixtures);
          console.log(`seeded ${fixtures.length} users`);
          await client.close();
        }

        main().catch((e) => {
          console.error(e);
          process.exit(1);
        });
        ''', pw=S("mongodb-url-password", pw))


@corpus_file("scripts/fixtures/users.json")
def _():
    users = []
    for i in range(6):
        name = R.choice(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]) + str(i)
        users.append({"_id": hexs(24), "email": f"{name}@example.com", "name": name.title(),
                      "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$" + b64(rbytes(16)).rstrip("=") + "$"
                      + b64(rbytes(32)).rstrip("="),
                      "api_key_id": uuid4(), "avatar": png_data_uri(6, 6) if i % 3 == 0 else None,
                      "created_at": f"2024-0{1 + i}-1{i}T10:0{i}:00Z"})
    return json.dumps(users, indent=2) + "\n"


@corpus_file("web/dist/assets/index-4f9c2a1b.js")
def _():
    # A minified bundle: long lines, short names, hashes, base64 fonts, no secrets.
    parts = []
    for i in range(40):
        a, b, c = rs(LO, 1), rs(LO + UP, 2), rs(LO, 1)
        parts.append(f'function {b}{i}({a},{c}){{return {a}&&{a}.__esModule?{a}:{{default:{a},key:"{hexs(8)}"}}}}')
        parts.append(f'var {b}{i}x=Object.defineProperty,{c}{i}=(t,e,n)=>e in t?{b}{i}x(t,e,{{enumerable:!0,value:n}}):t[e]=n;')
        if i % 7 == 0:
            parts.append(f'const F{i}="data:font/woff2;base64,{b64(rbytes(180))}";')
        if i % 5 == 0:
            parts.append(f'{b}{i}.chunk="{hexs(20)}",{b}{i}.v="{semver()}",{b}{i}.id="{uuid4()}";')
        if i % 9 == 0:
            parts.append(f'var C{i}="{rs(ALNUM + "+/", 64)}".split("").map(function(t){{return t.charCodeAt(0)}});')
    text = "".join(parts)
    lines = [text[i:i + 4000] for i in range(0, len(text), 4000)]
    return "!function(){\"use strict\";" + "\n".join(lines) + "}();\n//# sourceMappingURL=index-4f9c2a1b.js.map\n"


@corpus_file("web/src/config/env.ts")
def _():
    return T('''
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
        ''')


@corpus_file("server/okta.js")
def _():
    return T('''
        const okta = require("@okta/okta-sdk-nodejs");

        const client = new okta.Client({
          orgUrl: "https://acme.okta.com/",
          token: "%%tok%%", // SSWS api token for the provisioning service
        });

        async function deactivate(userId) {
          const user = await client.userApi.getUser({ userId });
          await client.userApi.deactivateUser({ userId: user.id });
        }

        module.exports = { deactivate };
        ''', tok=S("okta-api-token"))


@corpus_file("server/auth0.config.js")
def _():
    return T('''
        module.exports = {
          domain: "acme.eu.auth0.com",
          clientId: "%%cid%%",
          clientSecret: "%%sec%%",
          audience: "https://api.acme.dev",
          scope: "openid profile email offline_access",
        };
        ''', cid=rs(ALNUM, 32), sec=S("auth0-client-secret"))


@corpus_file("web/src/components/Avatar.tsx")
def _():
    return T('''
        import React from "react";

        const FALLBACK =
          "%%img%%";

        export interface AvatarProps {
          src?: string;
          size?: number;
          alt: string;
        }

        export function Avatar({ src, size = 32, alt }: AvatarProps) {
          return (
            <img
              className="rounded-full border border-slate-200"
              src={src ?? FALLBACK}
              width={size}
              height={size}
              alt={alt}
              data-testid="avatar-%%id%%"
            />
          );
        }
        ''', img=png_data_uri(16, 16), id=hexs(7))


@corpus_file("server/hubspot-sync.ts")
def _():
    return T('''
        import { Client } from "@hubspot/api-client";

        const hubspot = new Client({ accessToken: "%%tok%%" });

        export async function upsertContact(email: string, props: Record<string, string>) {
          const search = await hubspot.crm.contacts.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: "email", operator: "EQ", value: email }] }],
            limit: 1,
          } as any);
          if (search.results.length) {
            return hubspot.crm.contacts.basicApi.update(search.results[0].id, { properties: props });
          }
          return hubspot.crm.contacts.basicApi.create({ properties: { email, ...props } } as any);
        }
        ''', tok=S("hubspot-pat"))


@corpus_file("server/payments/paypal.ts")
def _():
    return T('''
        const PAYPAL_API = "https://api-m.paypal.com";
        const CLIENT_ID = "A%%cid%%";
        const CLIENT_SECRET = "%%sec%%";

        export async function accessToken(): Promise<string> {
          const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
          const r = await fetch(`${PAYPAL_API}/v1/oauth2/token`, {
            method: "POST",
            headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
            body: "grant_type=client_credentials",
          });
          return (await r.json()).access_token;
        }
        ''', cid=rs(B64URL, 79), sec=S("paypal-client-secret"))


@corpus_file("web/src/analytics.js")
def _():
    return T('''
        // Segment write keys and Sentry DSNs are public by design; nothing secret in this file.
        import * as Sentry from "@sentry/browser";

        const SEGMENT_WRITE_KEY = process.env.SEGMENT_WRITE_KEY;
        const BUILD_SHA = "%%sha%%";
        const RELEASE = "web@%%ver%%+%%short%%";

        Sentry.init({
          dsn: process.env.SENTRY_DSN,
          release: RELEASE,
          tracesSampleRate: 0.1,
        });

        export function track(event, props = {}) {
          window.analytics?.track(event, { ...props, build: BUILD_SHA });
        }

        export const FEATURE_FLAGS = {
          "new-checkout": "%%ff1%%",
          "dark-mode": "%%ff2%%",
        };
        ''', sha=sha1(), ver=semver(), short=hexs(7), ff1=uuid4(), ff2=uuid4())
