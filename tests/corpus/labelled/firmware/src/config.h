#ifndef FIRMWARE_CONFIG_H_
#define FIRMWARE_CONFIG_H_

#include <stdint.h>

#define WIFI_SSID "acme-iot"
#define WIFI_PASSWORD "L3yIKQeb7wTn5E9L"
#define MQTT_HOST "mqtt.acme.dev"
#define MQTT_PORT 8883
#define MQTT_USER "sensor-fleet"

static const char kMqttPassword[] = "lijtcUyiiiCFZ30oTkCbGoHl";

/* SHA-256 of the expected bootloader image. */
static const uint8_t kBootloaderDigest[32] = {
    0x6a, 0x16, 0x5a, 0x8b, 0x9b, 0x74, 0x47, 0x76, 0x89, 0x50, 0x86, 0xfc, 0xc2, 0xaa, 0xcb, 0xed, 0xf8, 0x0a, 0xac, 0xe1, 0xf1, 0xa0, 0xbc, 0x5f, 0xa0, 0x38, 0xf1, 0xeb, 0x36, 0x00, 0x7d, 0xae
};

#define FW_VERSION "0.22.8"

#endif  // FIRMWARE_CONFIG_H_
