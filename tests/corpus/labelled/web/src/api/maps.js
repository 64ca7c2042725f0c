import mapboxgl from "mapbox-gl";
import algoliasearch from "algoliasearch";

// public token, safe in the bundle
mapboxgl.accessToken = "pk.eyJ1IjogImFjbWUtbWFwcyIsICJhIjogImlqa2NjMXIyMzAzazg5OHZydzA2NGg2MGQifQ.snRc7vP43GeIolRbvTIxoh";

// FIXME: the admin key must not ship to browsers; used by the reindex script only
const ALGOLIA_APP_ID = "H2L0S73NNZ";
const ALGOLIA_ADMIN_KEY = "5f7315fdba19cf3727529d9973c5959e";
const MAPBOX_UPLOAD_TOKEN = 'sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImN4cTF5OGZzaWwyOHpuemZnbTQ4NTBzMnUifQ.ujtSLIts6U8x57e-Av2xG1';

export const search = algoliasearch(ALGOLIA_APP_ID, ALGOLIA_ADMIN_KEY);

export function uploadTileset(file) {
  return fetch(`https://api.mapbox.com/uploads/v1/acme-maps?access_token=${MAPBOX_UPLOAD_TOKEN}`, {
    method: "POST",
    body: file,
  });
}
