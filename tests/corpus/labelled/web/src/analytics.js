// Segment write keys and Sentry DSNs are public by design; nothing secret in this file.
import * as Sentry from "@sentry/browser";

const SEGMENT_WRITE_KEY = process.env.SEGMENT_WRITE_KEY;
const BUILD_SHA = "749f1bc71fdf82554c1e68aea04005c94a90c3b2";
const RELEASE = "web@3.5.3+f7f4743";

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: RELEASE,
  tracesSampleRate: 0.1,
});

export function track(event, props = {}) {
  window.analytics?.track(event, { ...props, build: BUILD_SHA });
}

export const FEATURE_FLAGS = {
  "new-checkout": "06850fea-a355-49a3-9a2e-601ceade2ed4",
  "dark-mode": "fc55b262-c7aa-439f-b9c5-c67c7c9a510a",
};
