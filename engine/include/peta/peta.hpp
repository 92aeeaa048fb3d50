#pragma once
/// @file peta.hpp
/// @brief The whole public API of libpeta in one include.
///
/// @mainpage peta: the library
/// peta places field findings (damaged roads, stunting, school access, ...) in the desa and kecamatan of an
/// Indonesian region and writes layers that open in QGIS, with counts and hotspot statistics.
///
/// The public API (namespace peta::api) is a thin layer over the engine that the `peta` command uses:
/// - peta::api::Project::load and peta::api::build (project.hpp): a project file, built with a progress callback;
/// - peta::api::import_findings, peta::api::change_status, peta::api::status_counts (store.hpp): the findings store;
/// - peta::api::top_units (query.hpp): the top N desa or kecamatan of a built project;
/// - peta::api::write_report (report.hpp): PDF booklets;
/// - peta::api::check_boundaries (boundaries.hpp): the boundary quality report;
/// - peta/version.hpp: the version compiled against, and peta::api::library_version at run time.
///
/// Errors are thrown as peta::api::Error. The headers use only the C++ standard library: no GDAL, GEOS,
/// PROJ, OGR, nlohmann or Boost type appears in them, so a program needs only `find_package(peta)` and
/// `peta::peta` (or `pkg-config --cflags --libs peta`).
#include "peta/boundaries.hpp"
#include "peta/error.hpp"
#include "peta/project.hpp"
#include "peta/query.hpp"
#include "peta/report.hpp"
#include "peta/store.hpp"
#include "peta/version.hpp"
