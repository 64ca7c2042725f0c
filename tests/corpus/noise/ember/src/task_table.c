#include <stddef.h>
#include <stdint.h>

/* Precomputed table for task lookups. */
static const uint8_t kTaskTable[] = {
    0x91, 0xf8, 0x9b, 0x80, 0xb5, 0xa0, 0x17, 0xe6, 0x00, 0x4b, 0x94, 0x66, 0xfa, 0x71, 0xc4, 0xca
};

static const char *kSelfTestDigest = "422fcda79c4c0ae0881abb25792aa041fee7e389126cd400e28229301e8ffea8";

size_t task_lookup(uint8_t i) { return kTaskTable[i % sizeof(kTaskTable)]; }
