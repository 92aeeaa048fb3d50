# cmake --install: the `peta` CLI, libpeta.a with the public headers (engine/include/peta/), the CMake package
# (find_package(peta) -> peta::peta), peta.pc for pkg-config; and CPack's Debian package of all of it.
# Nothing else of the engine is installed: its internal headers stay in the source tree.
include(CMakePackageConfigHelpers)

# `cmake --install` and `cpack` take what is built; they never build the rest of `all` (the benchmarks) first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(PETA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/peta)
install(TARGETS peta RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS peta_library EXPORT petaTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/engine/include/peta DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_BINARY_DIR}/engine/include/peta/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/peta)
install(EXPORT petaTargets NAMESPACE peta:: DESTINATION ${PETA_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/petaConfig.cmake.in ${CMAKE_BINARY_DIR}/petaConfig.cmake
  INSTALL_DESTINATION ${PETA_CMAKE_DIR})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/petaConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/petaConfig.cmake ${CMAKE_BINARY_DIR}/petaConfigVersion.cmake
  DESTINATION ${PETA_CMAKE_DIR})

# peta.pc, relocatable: the prefix is found from the file's own folder (${pcfiledir}), so an install into any
# prefix (cmake --install --prefix, a .deb extracted anywhere) works without editing it.
file(RELATIVE_PATH PETA_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" PETA_PC_TO_PREFIX "${PETA_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/peta.pc.in ${CMAKE_BINARY_DIR}/peta.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/peta.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# cpack -G DEB -> peta_<version>_amd64.deb: the CLI, the library, headers, CMake package and peta.pc under /usr.
set(CPACK_PACKAGE_NAME peta)
set(CPACK_PACKAGE_VENDOR "peta")
set(CPACK_PACKAGE_CONTACT "peta <peta@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "village problem and potential maps: findings to desa, counts, hotspots, QGIS layers")
set(CPACK_PACKAGE_DESCRIPTION "peta places field findings (damaged roads, stunting, school access, poverty,
public services) in the desa and kecamatan of an Indonesian region and writes GeoJSON, Shapefile and
GeoPackage layers styled for QGIS, with counts and hotspot statistics. The package holds the peta command,
the C++ library libpeta.a with its headers, a CMake package (find_package(peta)) and peta.pc.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # peta_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The runtime dependencies of bin/peta, as dpkg-shlibdeps finds them from the libraries it links (libgdal32,
# libgeos-c1v5, libproj25, libcairo2, libpango-1.0-0, libcpp-httplib0.11, libssl3, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Linking libpeta.a also needs the development files of those libraries (find_package(peta) finds them).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libgdal-dev, libgeos-dev, libproj-dev, libcairo2-dev, libpango1.0-dev, libcpp-httplib-dev, libssl-dev, zlib1g-dev, pkg-config")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")  # the fonts of the maps and reports
include(CPack)
