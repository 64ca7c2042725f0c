# Writes a C++ source defining `std::string_view NAME()` with the bytes of INPUT, and
# `std::string_view NAMESha256()` with their lower-case hex SHA-256, taken here: a process that
# needs only the hash (the rules cache's key) then never reads the bytes (issue 11).
# Usage: cmake -DINPUT=… -DOUTPUT=… -DNAMESPACE=… -DNAME=… -P embed_file.cmake
# Hex-encodes so that no byte of the input can break the generated source.
file(READ "${INPUT}" hex HEX)
file(SHA256 "${INPUT}" digest)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_len "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace ${NAMESPACE} {\n"
"namespace { const unsigned char kData[] = {\n${bytes}0x00};\n}\n"
"std::string_view ${NAME}() {\n  return std::string_view(reinterpret_cast<const char*>(kData), ${byte_len});\n}\n"
"std::string_view ${NAME}Sha256() { return \"${digest}\"; }\n"
"}  // namespace ${NAMESPACE}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
