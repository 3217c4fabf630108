# The API reference (docs/Doxyfile.in): `cmake --build build --target docs`. Doxygen warns
# about every undocumented public function, struct, field and macro of mandate.h and
# mandate.hpp, and WARN_AS_ERROR makes a warning fail the build (and the ctest test
# docs_build_without_warnings). Skipped when doxygen is not installed.
find_program(MANDATE_DOXYGEN doxygen)
if(MANDATE_DOXYGEN)
  set(MANDATE_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MANDATE_DOCS_DIR}
    COMMAND ${MANDATE_DOXYGEN} ${PROJECT_BINARY_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    COMMENT "API reference (doxygen) in ${MANDATE_DOCS_DIR}/html"
    VERBATIM)
  if(MANDATE_BUILD_TESTS)
    add_test(NAME docs_build_without_warnings
      COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target docs)
  endif()
else()
  message(STATUS "doxygen not found: no `docs` target (apt-get install doxygen)")
endif()
