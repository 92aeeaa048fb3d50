#pragma once
// Runs a small project over the real Probolinggo desa and kecamatan and reads back its GeoJSON layers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "project/pipeline.hpp"
#include "test_support.hpp"

namespace peta::test {

struct ProjectRun {
  std::string dir;
  RunSummary summary;
  nlohmann::json temuan, ditolak, desa, kecamatan, ruas;  // FeatureCollections (null when not written)
  std::string rejects_csv;

  // The temuan feature of a source row (null json when absent).
  nlohmann::json point(long long row) const {
    if (temuan.is_null()) return nullptr;
    for (const auto& f : temuan["features"])
      if (f["properties"]["baris"] == row) return f;
    return nullptr;
  }
  nlohmann::json rejection(long long row) const {
    if (ditolak.is_null()) return nullptr;
    for (const auto& f : ditolak["features"])
      if (f["properties"]["baris"] == row) return f;
    return nullptr;
  }
  nlohmann::json unit(const nlohmann::json& layer, const std::string& code) const {
    for (const auto& f : layer["features"])
      if (f["properties"]["kode"] == code) return f;
    return nullptr;
  }
};

inline nlohmann::json read_json_if(const std::string& path) {
  if (!std::filesystem::exists(path)) return nullptr;
  return nlohmann::json::parse(read_file(path));
}

// `findings`: the project's findings array; `extra`: more top-level keys (privacy, geocode, categories).
// Privacy defaults to the internal profile here unless `extra` says otherwise.
inline ProjectRun run_findings(const std::string& dir, const nlohmann::json& findings, const nlohmann::json& extra = {}) {
  ProjectRun r;
  r.dir = dir;
  nlohmann::json p = {{"name", "uji"},
                      {"boundaries",
                       {{"desa", {{"path", data("probolinggo/desa.geojson")}}},
                        {"kecamatan", {{"path", data("probolinggo/kecamatan.geojson")}}}}},
                      {"findings", findings},
                      {"privacy", {{"profile", "internal"}}},
                      {"output", {{"folder", dir + "/out"}, {"formats", {"geojson"}}}}};
  for (auto it = extra.begin(); it != extra.end(); ++it) p[it.key()] = it.value();
  write_file(dir + "/project.json", p.dump(2));
  RunOptions options;
  options.threads = 2;
  r.summary = run_project(load_project(dir + "/project.json"), options);
  r.temuan = read_json_if(dir + "/out/temuan.geojson");
  r.ditolak = read_json_if(dir + "/out/ditolak.geojson");
  r.desa = read_json_if(dir + "/out/desa.geojson");
  r.kecamatan = read_json_if(dir + "/out/kecamatan.geojson");
  r.ruas = read_json_if(dir + "/out/ruas.geojson");
  if (std::filesystem::exists(dir + "/out/ditolak.csv")) r.rejects_csv = read_file(dir + "/out/ditolak.csv");
  return r;
}

inline double lon_of(const nlohmann::json& f) { return f["geometry"]["coordinates"][0].get<double>(); }
inline double lat_of(const nlohmann::json& f) { return f["geometry"]["coordinates"][1].get<double>(); }

}  // namespace peta::test
