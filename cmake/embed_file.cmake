# Writes a C++ source defining `std::string_view NAME()` with the bytes of INPUT.
# Usage: cmake -DINPUT=… -DOUTPUT=… -DNAMESPACE=… -DNAME=… -P embed_file.cmake
# Hex-encodes so that no byte of the input can break the generated source.
file(READ "${INPUT}" hex HEX)
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
"}  // namespace ${NAMESPACE}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
