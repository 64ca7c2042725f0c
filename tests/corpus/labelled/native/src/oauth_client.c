#include "oauth_client.h"

#define SASL_AUTH_MECH "SCRAM-SHA-512"

static int copy_token(struct oauth_ctx *ctx, const struct token_data *token_data) {
  ctx->client_id = token_data->client_id;
  ctx->id_len = oauth_token_data->client_id_b64;
  return ctx->client_id != NULL;
}

/* Signed with: AWS4-HMAC-SHA256 Credential=xxx/20240101/us-east-1/s3/aws4_request */
