#include "hotspots/weights_io.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"

namespace peta {
namespace {

void check_ids(const char* what, const std::string& path, const SpatialWeights& w, const std::vector<std::string>& ids) {
  if (ids.size() != w.size())
    throw Error(std::string(what) + " " + path + ": " + std::to_string(ids.size()) + " ids for " +
                std::to_string(w.size()) + " units");
  for (const auto& id : ids)
    if (id.empty() || id.find_first_of(" \t\r\n") != std::string::npos)
      throw Error(std::string(what) + " " + path + ": id '" + id + "' is empty or has white space");
}

std::ofstream open_for_writing(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error("cannot write weights file " + path);
  return out;
}

std::string format_weight(double w) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, w);  // shortest round-trip form
  return std::string(buf, res.ptr);
}

}  // namespace

void write_gal(const std::string& path, const SpatialWeights& w, const std::vector<std::string>& ids,
               const WeightsFileHeader& header) {
  check_ids("GAL", path, w, ids);
  auto out = open_for_writing(path);
  out << "0 " << w.size() << ' ' << header.layer << ' ' << header.key << '\n';
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto row = w.neighbours(i);
    out << ids[i] << ' ' << row.size() << '\n';
    for (std::size_t m = 0; m < row.size(); ++m) out << (m ? " " : "") << ids[row[m]];
    out << '\n';
  }
  if (!out.flush()) throw Error("cannot write weights file " + path);
}

void write_gwt(const std::string& path, const SpatialWeights& w, const std::vector<std::string>& ids,
               const WeightsFileHeader& header) {
  check_ids("GWT", path, w, ids);
  auto out = open_for_writing(path);
  out << "0 " << w.size() << ' ' << header.layer << ' ' << header.key << '\n';
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto row = w.neighbours(i);
    auto wt = w.weights(i);
    for (std::size_t m = 0; m < row.size(); ++m) out << ids[i] << ' ' << ids[row[m]] << ' ' << format_weight(wt[m]) << '\n';
  }
  if (!out.flush()) throw Error("cannot write weights file " + path);
}

SpatialWeights read_gal(const std::string& path, const std::vector<std::string>& ids) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read GAL file " + path);
  std::unordered_map<std::string, SpatialWeights::Index> position;
  for (std::size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], SpatialWeights::Index(i));
  std::string line;
  std::size_t line_no = 1;
  if (!std::getline(in, line)) throw Error("GAL file " + path + " is empty");
  std::istringstream header(line);
  std::vector<std::string> fields;
  for (std::string f; header >> f;) fields.push_back(f);
  std::size_t n = 0;
  try {
    n = std::stoul(fields.size() >= 2 ? fields[1] : fields.at(0));
  } catch (...) {
    throw Error("GAL file " + path + " line 1: cannot read the number of units");
  }
  auto lookup = [&](const std::string& id) {
    auto it = position.find(id);
    if (it == position.end()) throw Error("GAL file " + path + " line " + std::to_string(line_no) + ": unknown id '" + id + "'");
    return it->second;
  };
  std::vector<std::vector<SpatialWeights::Index>> lists(ids.size());
  for (std::size_t u = 0; u < n; ++u) {
    std::string id;
    std::size_t k = 0;
    do {  // blank lines (GeoDa writes one for a unit without neighbours) are skipped
      if (!std::getline(in, line))
        throw Error("GAL file " + path + ": ends after " + std::to_string(u) + " of " + std::to_string(n) + " units");
      ++line_no;
    } while (line.find_first_not_of(" \t\r") == std::string::npos);
    std::istringstream head(line);
    if (!(head >> id >> k)) throw Error("GAL file " + path + " line " + std::to_string(line_no) + ": expected 'id count'");
    auto i = lookup(id);
    std::vector<std::string> neighbour_ids;
    while (neighbour_ids.size() < k) {
      if (!std::getline(in, line)) throw Error("GAL file " + path + ": neighbours of '" + id + "' missing");
      ++line_no;
      std::istringstream body(line);
      for (std::string j; body >> j;) neighbour_ids.push_back(j);
    }
    for (const auto& j : neighbour_ids) lists[i].push_back(lookup(j));
  }
  return SpatialWeights::from_lists(std::move(lists));
}

SpatialWeights read_gwt(const std::string& path, const std::vector<std::string>& ids) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read GWT file " + path);
  std::unordered_map<std::string, SpatialWeights::Index> position;
  for (std::size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], SpatialWeights::Index(i));
  std::string line;
  if (!std::getline(in, line)) throw Error("GWT file " + path + " is empty");
  std::size_t line_no = 1;
  std::vector<std::map<SpatialWeights::Index, double>> rows(ids.size());
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream fields(line);
    std::string a, b, w;
    if (!(fields >> a >> b >> w))
      throw Error("GWT file " + path + " line " + std::to_string(line_no) + ": expected 'id neighbour weight'");
    auto lookup = [&](const std::string& id) {
      auto it = position.find(id);
      if (it == position.end())
        throw Error("GWT file " + path + " line " + std::to_string(line_no) + ": unknown id '" + id + "'");
      return it->second;
    };
    double weight = 0;
    try {
      std::size_t used = 0;
      weight = std::stod(w, &used);
      if (used != w.size() || !std::isfinite(weight)) throw std::invalid_argument("");
    } catch (const std::exception&) {
      throw Error("GWT file " + path + " line " + std::to_string(line_no) + ": weight '" + w + "' is not a number");
    }
    const auto i = lookup(a), j = lookup(b);
    if (i != j) rows[i][j] = weight;
  }
  std::vector<std::size_t> offsets(1, 0);
  std::vector<SpatialWeights::Index> neighbours;
  std::vector<double> weights;
  for (const auto& row : rows) {
    for (const auto& [j, w] : row) {
      neighbours.push_back(j);
      weights.push_back(w);
    }
    offsets.push_back(neighbours.size());
  }
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

}  // namespace peta
