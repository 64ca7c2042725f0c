# Each room (top-level folder) is one library that exports only its own public headers.
#
#   magpie_room_headers(<target> <room> PUBLIC <header>...)
#
# Consumers see <build>/include/public/<room>/<room>/<header> (symbolic links to the listed
# headers only), so `#include "scanner/confirm.h"` outside scanner/ does not compile: a private
# header stays private. The room's own sources see all of its headers through
# <build>/include/private/<room>/<room> (a link to the folder), and nothing of another room's
# beyond what that room exports. Tests may reach private headers (tests/CMakeLists.txt).
function(magpie_room_headers target room)
  cmake_parse_arguments(ARG "" "" "PUBLIC" ${ARGN})
  set(public_dir ${CMAKE_BINARY_DIR}/include/public/${room})
  set(private_dir ${CMAKE_BINARY_DIR}/include/private/${room})
  file(REMOVE_RECURSE ${public_dir} ${private_dir})  # no stale exports after a header is dropped
  file(MAKE_DIRECTORY ${public_dir}/${room} ${private_dir})
  foreach(header IN LISTS ARG_PUBLIC)
    set(source ${CMAKE_CURRENT_SOURCE_DIR}/${header})
    if(NOT EXISTS ${source})
      message(FATAL_ERROR "magpie_room_headers(${room}): no such header ${header}")
    endif()
    file(CREATE_LINK ${source} ${public_dir}/${room}/${header} SYMBOLIC)
  endforeach()
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${private_dir}/${room} SYMBOLIC)
  target_include_directories(${target} PUBLIC ${public_dir} PRIVATE ${private_dir})
endfunction()

# The library of a room: every .cc in the folder (but main.cc and main_*.cc, which belong to an
# executable alone) plus SOURCES (generated files), as STATIC magpie_<room> with the alias
# magpie::<room>, exporting the PUBLIC headers.
#
#   magpie_room(<room> [PUBLIC <header>...] [SOURCES <file>...])
function(magpie_room room)
  cmake_parse_arguments(ARG "" "" "PUBLIC;SOURCES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER sources EXCLUDE REGEX "/main(_[a-z0-9_]+)?\\.cc$")
  add_library(magpie_${room} STATIC ${sources} ${ARG_SOURCES})
  add_library(magpie::${room} ALIAS magpie_${room})
  magpie_room_headers(magpie_${room} ${room} PUBLIC ${ARG_PUBLIC})
endfunction()
