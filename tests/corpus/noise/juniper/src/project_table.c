#include <stddef.h>
#include <stdint.h>

/* Precomputed table for project lookups. */
static const uint8_t kProjectTable[] = {
    0xec, 0x69, 0x3c, 0x39, 0xa7, 0x59, 0x25, 0xb4, 0xdb, 0x55, 0x6e, 0xf3, 0xd4, 0x41, 0x05, 0x8d
};

static const char *kSelfTestDigest = "927e1a24b93b03ce31cf96fe9898482b275812700af5e4715d4c0821afc28956";

size_t project_lookup(uint8_t i) { return kProjectTable[i % sizeof(kProjectTable)]; }
