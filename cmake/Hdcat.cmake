# hdcat_embed_files(OUTPUT <file.cpp> BASE <dir> FILES <abs paths...>
#                   [NAMESPACE <ns>] [HEADER <header declaring the table>])
#
# Generates a C++ source that compiles the given data files into the binary, so
# that `hdcat` needs no data directory at run time. The generated file defines
# `<ns>::kEmbeddedFiles` (default ns `hdcat::schemas::detail`, declared in
# schemas/resources.h), a table of {relative path, bytes} of type
# hdcat::schemas::EmbeddedFile. The file is regenerated whenever an input changes.
function(hdcat_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT;BASE;NAMESPACE;HEADER" "FILES" ${ARGN})
  if(NOT EMBED_NAMESPACE)
    set(EMBED_NAMESPACE hdcat::schemas::detail)
  endif()
  if(NOT EMBED_HEADER)
    set(EMBED_HEADER schemas/resources.h)
  endif()
  add_custom_command(
    OUTPUT ${EMBED_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMBED_OUTPUT} -DBASE=${EMBED_BASE}
            -DNAMESPACE=${EMBED_NAMESPACE} -DHEADER=${EMBED_HEADER}
            "-DFILES=${EMBED_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${EMBED_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${EMBED_BASE} data files"
    VERBATIM)
endfunction()

# hdcat_subsystem(NAME <target> DEPS <targets...> [LIBS <libs...>] [DEFS <definitions...>])
#
# One static library per top-level folder, from every .cpp below it. A folder
# with no sources yet is an INTERFACE library so that dependants link anyway.
function(hdcat_subsystem)
  cmake_parse_arguments(SUB "" "NAME" "DEPS;LIBS;DEFS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(sources)
    add_library(${SUB_NAME} STATIC ${sources})
    target_link_libraries(${SUB_NAME} PUBLIC ${SUB_DEPS} ${SUB_LIBS})
    target_compile_definitions(${SUB_NAME} PUBLIC ${SUB_DEFS})
  else()
    add_library(${SUB_NAME} INTERFACE)
    target_link_libraries(${SUB_NAME} INTERFACE ${SUB_DEPS} ${SUB_LIBS})
    target_compile_definitions(${SUB_NAME} INTERFACE ${SUB_DEFS})
  endif()
endfunction()
