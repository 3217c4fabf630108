# Debian packages with CPack: `cpack -G DEB` in a build directory (scripts/package.sh) gives
#   libmandate<SOVERSION>  the shared library, the mandate command and the licence
#   libmandate-dev         headers, the static archive, the CMake package and mandate.pc
# Depends come from dpkg-shlibdeps (the runtime package) plus, for -dev, the runtime package
# and Abseil's development package (the static archive links it). Files are stripped.
set(CPACK_PACKAGE_NAME mandate)
set(CPACK_PACKAGE_VENDOR "mandate developers")
set(CPACK_PACKAGE_CONTACT "mandate developers <mandate@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libmandate${MANDATE_SOVERSION})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libmandate-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libmandate${MANDATE_SOVERSION} (= ${PROJECT_VERSION}), libabsl-dev")
set(CPACK_DEBIAN_PACKAGE_LICENSE "Apache-2.0")
include(CPack)
