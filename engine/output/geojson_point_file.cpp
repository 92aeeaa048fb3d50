#include "output/geojson_point_file.hpp"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_p.h>

#include "core/error.hpp"
#include "output/ogr_feature_conversion.hpp"

namespace peta::output_detail {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

// json-c's escaping as GDAL uses it (JSON_C_TO_STRING_NOSLASHESCAPE): the two-character escapes, other
// control characters as \u00xx (lower-case hex), everything else (UTF-8 or not) as it is.
void append_escaped(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '\b': out += "\\b"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\f': out += "\\f"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

bool has_run(const char* first, const char* last, char digit) {
  int run = 0;
  for (const char* p = first; p < last; ++p) {
    run = *p == digit ? run + 1 : 0;
    if (run == 5) return true;
  }
  return false;
}

// A text value GDAL's GeoJSON writer would try to parse as embedded JSON.
bool looks_like_json(const std::string& s) {
  return !s.empty() && ((s.front() == '{' && s.back() == '}') || (s.front() == '[' && s.back() == ']'));
}

}  // namespace

std::string geojson_real(double value) {
  // GDAL's OGR_json_double_with_significant_figures_to_string at its default (-1: 17 figures): %.17g; when
  // the decimals hold a run of 6 nines or zeros, the first of %.16g, %.15g, %.14g without one, else %.17g;
  // ".0" added to an integral text. Finite values only (GDAL leaves NaN and infinities out).
  char buf[64];
  auto print = [&](int figures) {
    return static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, figures).ptr - buf);
  };
  auto suspicious = [&](std::size_t n) {
    const char* dot = static_cast<const char*>(std::memchr(buf, '.', n));
    if (!dot) return false;
    const std::string_view tail(dot, static_cast<std::size_t>(buf + n - dot));
    return tail.find("999999") != std::string_view::npos || tail.find("000000") != std::string_view::npos;
  };
  std::size_t n = print(17);
  if (suspicious(n)) {
    bool ok = false;
    for (int i = 1; i <= 3 && !ok; ++i) {
      n = print(17 - i);
      ok = std::memchr(buf, '.', n) && !suspicious(n);
    }
    if (!ok) n = print(17);
  }
  std::string out(buf, n);
  if (out.find('.') == std::string::npos && out.find('e') == std::string::npos) out += ".0";
  return out;
}

bool geojson_coordinate(double value, std::string& out) {
  // GDAL: OGRFormatDouble(value, precision 7, 'f'): fixed, 7 decimals, trailing zeros dropped (one kept), and
  // "intelliround" rewriting a text whose decimals end in a run of five 0s or 9s. Those (and zero, for its
  // sign) are left to GDAL's own function here.
  if (!std::isfinite(value) || std::fabs(value) > 1e50) return false;
  char buf[80];
  const char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 7).ptr;
  const char* dot = static_cast<const char*>(std::memchr(buf, '.', static_cast<std::size_t>(end - buf)));
  if (value == 0 || !dot || has_run(dot + 1, end, '0') || has_run(dot + 1, end, '9')) {
    char gdal[80];
    OGRFormatDouble(gdal, sizeof gdal, value, '.', 7);
    out += gdal;
    return true;
  }
  while (end > dot + 2 && end[-1] == '0') --end;
  out.append(buf, static_cast<std::size_t>(end - buf));
  return true;
}

// GDAL's own GeoJSON writer on an in-memory file, for the features append_fast() leaves to it.
struct GeoJsonPointFile::GdalFallback {
  GdalFallback(const LayerSchema& schema, const std::string& where) {
    static std::atomic<unsigned> counter{0};
    path = "/vsimem/peta-geojson-" + std::to_string(counter++) + ".geojson";
    dataset.reset(ogr_driver("GeoJSON").Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw Error(where + ": cannot create GDAL's GeoJSON writer: " + CPLGetLastErrorMsg());
    const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO", nullptr};
    layer = dataset->CreateLayer(schema.name.c_str(), wgs84_lonlat(), ogr_geometry_type(schema.geometry),
                                 const_cast<char**>(options));
    if (!layer) throw Error(where + ": cannot create GDAL's GeoJSON layer: " + CPLGetLastErrorMsg());
    auto fields = full_name_fields(schema, OFTString);
    create_fields(*layer, fields, where);
    builder = std::make_unique<OgrFeatureBuilder>(schema.geometry, std::move(fields), layer->GetLayerDefn(), where);
    VSIGetMemFileBuffer(path.c_str(), &written, FALSE);
  }
  ~GdalFallback() {
    dataset.reset();
    VSIUnlink(path.c_str());
  }
  // GDAL's text for `feature` (without the separator GDAL puts before every feature but its first).
  std::string text(const Feature& feature, const std::string& where) {
    if (layer->CreateFeature(&builder->build(feature)) != OGRERR_NONE)
      throw Error(where + ": cannot write a feature: " + CPLGetLastErrorMsg());
    vsi_l_offset size = 0;
    const GByte* data = VSIGetMemFileBuffer(path.c_str(), &size, FALSE);
    std::string t(reinterpret_cast<const char*>(data) + written, static_cast<std::size_t>(size - written));
    written = size;
    if (t.rfind(",\n", 0) == 0) t.erase(0, 2);
    return t;
  }

  std::string path;
  GDALDatasetUniquePtr dataset;
  OGRLayer* layer = nullptr;
  std::unique_ptr<OgrFeatureBuilder> builder;
  vsi_l_offset written = 0;
};

bool GeoJsonPointFile::suits(const LayerSchema& schema) {
  return schema.geometry == GeometryKind::point || schema.geometry == GeometryKind::none;
}

GeoJsonPointFile::GeoJsonPointFile(const std::string& path, const LayerSchema& schema, std::string where)
    : schema_(schema), where_(std::move(where)) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw Error(where_ + ": cannot create: " + std::strerror(errno));
  for (const auto& f : schema_.fields) {
    std::string key;
    append_escaped(key, f.name);
    keys_.push_back(key + ": ");
  }
  buffer_ = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";
}

GeoJsonPointFile::~GeoJsonPointFile() {
  if (file_) std::fclose(file_);
}

void GeoJsonPointFile::write(const Feature& feature) {
  if (feature.values.size() != schema_.fields.size())
    throw Error(where_ + ": feature has " + std::to_string(feature.values.size()) + " values, schema has " +
                std::to_string(schema_.fields.size()) + " fields");
  const std::size_t before = buffer_.size();
  if (features_ > 0) buffer_ += ",\n";
  if (!append_fast(feature)) {
    buffer_.resize(before);
    if (features_ > 0) buffer_ += ",\n";
    append_through_gdal(feature);
  }
  ++features_;
  if (buffer_.size() >= kFlushBytes) flush();
}

bool GeoJsonPointFile::append_fast(const Feature& feature) {
  if (keys_.empty()) return false;  // no properties: GDAL's own layout
  std::string& out = buffer_;
  out += "{ \"type\": \"Feature\", \"properties\": { ";
  bool first = true;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const FieldValue& value = feature.values[i];
    const FieldDef& field = schema_.fields[i];
    if (!first) out += ", ";
    first = false;
    out += keys_[i];
    if (std::holds_alternative<std::monostate>(value)) {
      out += "null";
      continue;
    }
    auto mismatch = [&] {
      return Error(where_ + ", field " + field.name + ": value does not fit a " + field_type_name(field.type) + " field");
    };
    char buf[32];
    switch (field.type) {
      case FieldType::integer: {
        const auto* v = std::get_if<std::int64_t>(&value);
        if (!v) throw mismatch();
        out.append(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, *v).ptr - buf));
        break;
      }
      case FieldType::real: {
        double d = 0;
        if (const auto* r = std::get_if<double>(&value)) d = *r;
        else if (const auto* v = std::get_if<std::int64_t>(&value)) d = static_cast<double>(*v);
        else throw mismatch();
        if (!std::isfinite(d)) return false;  // GDAL leaves the property out, with a warning
        out += geojson_real(d);
        break;
      }
      case FieldType::text: {
        const auto* s = std::get_if<std::string>(&value);
        if (!s) throw mismatch();
        if (looks_like_json(*s)) return false;
        append_escaped(out, *s);
        break;
      }
      case FieldType::date: {
        const auto* s = std::get_if<std::string>(&value);
        if (!s) throw mismatch();
        int year = 0, month = 0, day = 0;
        if (!parse_iso_date(*s, year, month, day)) {
          out += "null";  // not a date: NULL, as every writer
        } else {
          std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02d\"", year, month, day);
          out += buf;
        }
        break;
      }
    }
  }
  out += " }, \"geometry\": ";
  if (const Coord* c = std::get_if<Coord>(&feature.geometry)) {
    if (schema_.geometry != GeometryKind::point)
      throw Error(where_ + ": feature geometry does not match the layer's geometry kind");
    if (!(std::fabs(c->x) <= 180 && std::fabs(c->y) <= 90)) return false;  // GDAL's RFC 7946 rules apply
    out += "{ \"type\": \"Point\", \"coordinates\": [ ";
    if (!geojson_coordinate(c->x, out)) return false;
    out += ", ";
    if (!geojson_coordinate(c->y, out)) return false;
    out += " ] } }";
  } else if (std::holds_alternative<std::monostate>(feature.geometry)) {
    out += "null }";
  } else {
    throw Error(where_ + ": feature geometry does not match the layer's geometry kind");
  }
  return true;
}

void GeoJsonPointFile::append_through_gdal(const Feature& feature) {
  if (!gdal_) gdal_ = std::make_unique<GdalFallback>(schema_, where_);
  buffer_ += gdal_->text(feature, where_);
}

void GeoJsonPointFile::flush() {
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    throw Error(where_ + ": cannot write: " + std::strerror(errno));
  buffer_.clear();
}

void GeoJsonPointFile::close() {
  buffer_ += "\n]\n}\n";
  flush();
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) throw Error(where_ + ": cannot close: " + std::strerror(errno));
  gdal_.reset();
}

}  // namespace peta::output_detail
