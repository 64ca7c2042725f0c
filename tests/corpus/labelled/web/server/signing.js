// TODO(ops-123): move to the secret store
const SIGNING_KEY =
  "-----BEGIN PRIVATE KEY-----\n" +
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCbUTi9Z7kzf7la\n" +
  "iKex5isjSlTLJVhUNX7C+LeXiz19Jft6spE6LW+9v8PIbVLLQij7Ay8vW++1zgz5\n" +
  "3F6csnV1i3X7EiBPWbpmYzPe5YR5BkMcCQC2b49SRAGOeLoLR19hBOGdkWjaydhS\n" +
  "K4U0C+eUi8N3vD/Sc3SrLcBAN4c2zUuJ9+hxjVwZD3Qygt0PBIEh/dYUel29Kegk\n" +
  "c0/XOAs6J830XDP4HkaIOz58V3i07tTPOk2j4FbCZGJwRSvo+srpCa7fBrU8qFXW\n" +
  "TaoMMvxmp/hjF2lGl+9fPFi5GB3rMmeHdEhgQKqu4gX0O5jSWTUtgqbXbWLwnLk7\n" +
  "qMxaqa5xAgMBAAECggEAe0JoDxhDx/Ty+kA9JVeOoIEa7eUDRkD2CnEr8h5Ue/8q\n" +
  "pmMUEeGBLksDawonjJtCvoH2blU91UBi19/lTeHqiZBV3xyxe4ewABV2Usw+53Tq\n" +
  "yVLzt9StHxJNUe3JZ64KqYogKtX9KrTI8d0L5xQTgrWwOFOzKqbpzfeO/OeUbQ4e\n" +
  "0VL5cbtRQSMcs8py3gcJpR0LbreRPlj+zCVdypyiTlix16o6wQqBiwhSDNfbhqdQ\n" +
  "3iXlQFngTxnma/CEiRZKW1O8tHtO+UAyKNBY1OFg1ogWrYDF480C9AwtoZmXNM9i\n" +
  "XMpk7vwfB2NlUuMZw4ordG0upB6PFsIsUQeCZAGqCQKBgQDO3ItBbXrEVkd0V423\n" +
  "mg3ZDzJgODh+Qg3+TdVLfl5AhQxVs3pCWjdD6rtrjGoVCAccEPC3mI+UnVnLAn0E\n" +
  "yudcKeHAETS+jEDmuqYAQLCcMeTHPN2vvL+ofHd7WIy2ZREaR9wB6TKhHTGd6HdO\n" +
  "YXxmBVdNNG9T/1EyPm4vAMDgIwKBgQDANjimt5Q3mZJFLxnGCLx1eSHe4U/11m7d\n" +
  "iYkv1Eux+9LT+HzPySHWLjXq85R5Y6togWCTTmiMeA6XNAVcsSAa2xVs6vB+TQU9\n" +
  "jAtbmxWWmJkwv2or3euT6XUguQnXEToBTJDaolMz/Yzxo0cWmQwRDSxZWETA/8KH\n" +
  "fsK2470WWwKBgEbz8LPlaFmVunaWXV6fcaaFBuNoBUCRSZlzevilBJEe0adHo2TE\n" +
  "6vXZuqVeCTjjgwTGbrqako0IF7eBR/5v1kGPgAZQIIZHNy+sz6mAhtNcbbtFDkjr\n" +
  "9dVFs/nT2pfpPJ+GDFl/ckU+7Tjbdqik2XVo2ZP6q0DlbyVLsqFeocl/AoGBAKCc\n" +
  "LhZRC86xymF5DAZIQoG+qCi/CLuZZKZFSJboxB+DFxX8av6NSHLZxj//LS+Jsy7t\n" +
  "/K7aM848e6So2Vosv3DxZCPQ5QgEf76ACPWQzyc5d7geGi9xjmnYCAFB3RES2e8/\n" +
  "9UJbpT6qPV2kW8BsPoL5CPfXJAxJKllh+H4uKlBFAoGAMLKKYYp8jHlMtCUdZYOB\n" +
  "j5PblwdUA1kBgorCWIyQXsJyaCx7hQn94xZCP5pNLr3o+13VJGe3YQBYWFjj5mss\n" +
  "VKoWLv7Wuuy99Jp5BlACtriBDT8ACF/2HiWthZzF2Psr0JTR+ALIqB4+oSc783ay\n" +
  "P2PiH88RwAEv8Ix9hkT0g4c=\n" +
  "-----END PRIVATE KEY-----\n";
module.exports = { SIGNING_KEY };
