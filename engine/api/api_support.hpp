#pragma once
// Internal to the public API's facade (engine/api/): the data behind peta::api::Project, and the one place
// where the engine's exceptions become peta::api::Error.
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "core/gdal_init.hpp"
#include "peta/error.hpp"
#include "peta/project.hpp"
#include "project/project_settings.hpp"

namespace peta::api {
namespace detail {

struct ProjectData {
  ProjectSettings settings;
};

}  // namespace detail

inline const ProjectSettings& settings_of(const Project& project) { return project.data().settings; }

// Runs `body` with GDAL's drivers registered; any engine exception leaves as peta::api::Error with its message.
template <class Body>
auto guarded(Body&& body) -> decltype(body()) {
  try {
    ensure_gdal_registered();
    return std::forward<Body>(body)();
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

}  // namespace peta::api
