#include "output/data_dictionary.hpp"

#include "core/csv_quote.hpp"
#include "output/shapefile_field_names.hpp"
#include "output/shapefile_layer_writer.hpp"

namespace peta {

void write_data_dictionary(std::ostream& out, const LayerSchema& schema) {
  const auto short_names = output_detail::shapefile_field_names(schema);
  out << "nama_kolom,nama_shp,tipe,lebar_shp,desimal_shp,keterangan,description,satuan\n";
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldDef& f = schema.fields[i];
    const auto size = output_detail::dbf_field_size(f, schema.name);
    out << csv_quote(f.name) << ',' << csv_quote(short_names[i]) << ',' << field_type_name(f.type) << ',' << size.width
        << ',' << size.precision << ',' << csv_quote(f.label_id) << ',' << csv_quote(f.label_en) << ','
        << csv_quote(f.unit) << '\n';
  }
}

}  // namespace peta
