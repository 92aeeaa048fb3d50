// The peta web map: the desa as a choropleth per category (count, rate, priority score, Gi* bins or LISA
// quadrants; with a findings store the status view: open, handled, overdue; the emerging hot spot trend) over the
// kecamatan boundaries, which are the whole base map (no tile server: it works offline). Everything it shows
// comes from the read-only API of `peta serve` on the same origin.
(function () {
  'use strict';

  var TEXT = {
    id: {
      title: 'Peta temuan desa', category: 'Kategori', all: 'Semua kategori', measure: 'Ukuran',
      count: 'Jumlah temuan', rate: 'Laju', ratePerKm2: 'Temuan per km²', priority: 'Skor prioritas',
      gi: 'Titik panas Gi*', kecamatan: 'Kecamatan', allKecamatan: 'Semua kecamatan', severity: 'Tingkat',
      allSeverity: 'Semua tingkat', status: 'Status', allStatus: 'Semua status', from: 'Dari tanggal',
      to: 'Sampai tanggal', top: 'Desa teratas', offline: 'Peta ini bekerja tanpa internet: batas desa dan kecamatan adalah peta dasarnya.',
      legend: 'Legenda', findings: 'temuan', total: 'Semua temuan', other: 'Lainnya', bySeverity: 'Menurut tingkat',
      latest: 'Temuan terbaru', none: 'Belum ada temuan.', hiddenNote: 'catatan tidak ditampilkan (kategori sensitif)',
      notSelected: 'Di luar pilihan', noValue: 'Tanpa nilai', lang: 'English', loading: 'Memuat…',
      desa: 'Desa', kelurahan: 'Kelurahan', kec: 'Kec.', area: 'Luas',
      bins: { '3': 'Titik panas 99%', '2': 'Titik panas 95%', '1': 'Titik panas 90%', '0': 'Tidak signifikan',
              '-1': 'Titik dingin 90%', '-2': 'Titik dingin 95%', '-3': 'Titik dingin 99%' },
      giBin: 'Kelas Gi*', filtered: 'menurut saringan',
      lisa: 'Klaster LISA', lisaQ: 'Kuadran LISA',
      quadrants: { '1': 'Tinggi-Tinggi (klaster panas)', '2': 'Rendah-Tinggi', '3': 'Rendah-Rendah (klaster dingin)',
                   '4': 'Tinggi-Rendah', '0': 'Tidak signifikan' },
      hidden: { '1': 'disembunyikan (< {k})', '2': 'disembunyikan (agar jumlah desa lain tak terhitung)',
                '3': 'tidak tersedia dengan saringan' },
      dependsOn: 'Bergantung pada', weight: 'bobot', leavesOut: 'tanpa',
      terbuka: 'Temuan terbuka', selesai: 'Temuan selesai', lewat: 'Lewat target', persen: 'Persen selesai',
      tren: 'Tren titik panas', asOf: 'per', sensitiveLeftOut: 'tanpa kategori sensitif'
    },
    en: {
      title: 'Village findings map', category: 'Category', all: 'All categories', measure: 'Measure',
      count: 'Number of findings', rate: 'Rate', ratePerKm2: 'Findings per km²', priority: 'Priority score',
      gi: 'Gi* hot spots', kecamatan: 'District', allKecamatan: 'All districts', severity: 'Severity',
      allSeverity: 'All severities', status: 'Status', allStatus: 'All statuses', from: 'From date',
      to: 'To date', top: 'Top villages', offline: 'This map works offline: the village and district boundaries are its base map.',
      legend: 'Legend', findings: 'findings', total: 'All findings', other: 'Other', bySeverity: 'By severity',
      latest: 'Latest findings', none: 'No findings yet.', hiddenNote: 'note not shown (sensitive category)',
      notSelected: 'Not selected', noValue: 'No value', lang: 'Bahasa Indonesia', loading: 'Loading…',
      desa: 'Village', kelurahan: 'Urban village', kec: 'District', area: 'Area',
      bins: { '3': 'Hot spot 99%', '2': 'Hot spot 95%', '1': 'Hot spot 90%', '0': 'Not significant',
              '-1': 'Cold spot 90%', '-2': 'Cold spot 95%', '-3': 'Cold spot 99%' },
      giBin: 'Gi* bin', filtered: 'as filtered',
      lisa: 'LISA clusters', lisaQ: 'LISA quadrant',
      quadrants: { '1': 'High-High (hot cluster)', '2': 'Low-High', '3': 'Low-Low (cold cluster)', '4': 'High-Low',
                   '0': 'Not significant' },
      hidden: { '1': 'withheld (< {k})', '2': 'withheld (so other counts cannot be worked out)',
                '3': 'not available with a filter' },
      dependsOn: 'Depends on', weight: 'weight', leavesOut: 'without',
      terbuka: 'Open findings', selesai: 'Handled findings', lewat: 'Overdue', persen: 'Share handled',
      tren: 'Hot spot trend', asOf: 'as of', sensitiveLeftOut: 'without sensitive categories'
    }
  };
  // Classes come with each answer: Jenks natural breaks, the same as the QGIS styles (engine/output/class_breaks).
  var PALETTE = ['#fff5eb', '#fdd0a2', '#fdae6b', '#fd8d3c', '#d94801', '#7f2704'];
  var BIN_COLORS = { '3': '#b2182b', '2': '#ef8a62', '1': '#fddbc7', '0': '#f7f7f7', '-1': '#d1e5f0', '-2': '#67a9cf', '-3': '#2166ac' };
  var LISA_COLORS = { '1': '#d7191c', '2': '#abd9e9', '3': '#2c7bb6', '4': '#fdae61', '0': '#f7f7f7' };
  // A withheld count is never painted as a number class: it has a legend class of its own.
  var HIDDEN_COLORS = { '1': '#9e9ac8', '2': '#756bb1', '3': '#bdbdbd' };
  var MUTED = '#d9d9d9';
  var LABEL_ZOOM = 12.5;  // desa names as labels from this zoom on (always on hover)

  var state = { lang: 'id', category: '', measure: 'count', kecamatan: '', severity: '', status: '', from: '', to: '' };
  var meta = null, desaLayer = null, kecamatanLayer = null, labelLayer = null, byKode = {}, values = {}, hidden = {};
  var classes = [], rateBasis = 'per_km2', priorityCategories = [], privacyK = 5;
  // The layers' field names, as the engine declares them (core/layer_fields.hpp), from /api/meta's "fields".
  var FIELDS = null;
  // The status view's measures (from /api/status, i.e. the findings store) and their fields (set from FIELDS).
  var STATUS_FIELDS = { terbuka: null, selesai: null, lewat: null, persen: null };
  var statusAnswer = null;
  var renderCount = 0, request = 0;

  function t(key) { return TEXT[state.lang][key]; }
  function $(id) { return document.getElementById(id); }
  function escapeHtml(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function number(v, decimals) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    return Number(v).toLocaleString(state.lang === 'en' ? 'en-GB' : 'id-ID',
      { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
        return body;
      });
    });
  }
  function filterParams() {
    var p = new URLSearchParams();
    if (state.severity) p.append('severity', state.severity);
    if (state.status) p.append('status', state.status);
    if (state.from) p.append('from', state.from);
    if (state.to) p.append('to', state.to);
    p.append('lang', state.lang);
    return p;
  }
  function categoryInfo(code) {
    for (var i = 0; i < meta.categories.length; i++) if (meta.categories[i].code === code) return meta.categories[i];
    return null;
  }
  function giAvailable() {
    var c = categoryInfo(state.category);
    return c ? c.gi : meta.total.gi;
  }
  function lisaAvailable() {
    var c = categoryInfo(state.category);
    return c ? c.lisa : meta.total.lisa;
  }
  function categoryLabel(c) { return state.lang === 'en' ? c.label_en : c.label_id; }
  function isStatus(measure) { return Object.prototype.hasOwnProperty.call(STATUS_FIELDS, measure); }
  function trendAvailable() {
    var c = categoryInfo(state.category);
    return !!(c && c.tren);
  }
  function trendClass(value) {
    for (var i = 0; i < meta.trend_classes.length; i++) if (meta.trend_classes[i].value === value) return meta.trend_classes[i];
    return null;
  }

  // ---- controls ----
  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }
  function fillControls() {
    var lang = state.lang;
    var k = $('kategori'); k.innerHTML = '';
    option(k, '', t('all'));
    meta.categories.forEach(function (c) { option(k, c.code, lang === 'en' ? c.label_en : c.label_id); });
    k.value = state.category;

    var u = $('ukuran'); u.innerHTML = '';
    option(u, 'count', t('count'));
    option(u, 'rate', rateBasis === 'per_km2' ? t('ratePerKm2') : t('rate'));
    option(u, 'priority', t('priority'));
    if (giAvailable()) option(u, 'gi', t('gi'));
    if (lisaAvailable()) option(u, 'lisa', t('lisa'));
    if (trendAvailable()) option(u, 'tren', t('tren'));
    if (meta.store) Object.keys(STATUS_FIELDS).forEach(function (m) { option(u, m, t(m)); });
    if ((state.measure === 'gi' && !giAvailable()) || (state.measure === 'lisa' && !lisaAvailable()) ||
        (state.measure === 'tren' && !trendAvailable()) || (isStatus(state.measure) && !meta.store)) state.measure = 'count';
    u.value = state.measure;

    var kc = $('kecamatan'); kc.innerHTML = '';
    option(kc, '', t('allKecamatan'));
    meta.kecamatan.forEach(function (x) { option(kc, x.kode, x.nama); });
    kc.value = state.kecamatan;

    var s = $('tingkat'); s.innerHTML = '';
    option(s, '', t('allSeverity'));
    meta.severity.forEach(function (v) { option(s, v, v); });
    s.value = state.severity;

    var st = $('status'); st.innerHTML = '';
    option(st, '', t('allStatus'));
    meta.status.forEach(function (v) { option(st, v, v); });
    st.value = state.status;
    $('status-row').style.display = meta.status.length ? '' : 'none';

    if (meta.date_min) { $('dari').min = $('sampai').min = meta.date_min; }
    if (meta.date_max) { $('dari').max = $('sampai').max = meta.date_max; }

    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    $('lang-toggle').textContent = t('lang');
    document.title = 'peta: ' + t('title');
  }
  function bindControls() {
    function on(id, key, refill) {
      $(id).addEventListener('change', function (e) {
        state[key] = e.target.value;
        if (refill) fillControls();
        update();
      });
    }
    on('kategori', 'category', true);
    on('ukuran', 'measure', false);
    on('kecamatan', 'kecamatan', false);
    on('tingkat', 'severity', false);
    on('status', 'status', false);
    on('dari', 'from', false);
    on('sampai', 'to', false);
    $('lang-toggle').addEventListener('click', function () {
      state.lang = state.lang === 'id' ? 'en' : 'id';
      fillControls();
      update();
    });
  }

  // ---- classes and colours ----
  function suffix() { return state.category || 'semua'; }
  function valueOf(row) {
    if (!row) return null;
    if (state.measure === 'count' || isStatus(state.measure)) return row.n;
    if (state.measure === 'rate') return row.laju;
    if (state.measure === 'priority') return row.prioritas;
    if (state.measure === 'lisa') {
      var layer = byKode[row.kode];
      var q = layer ? layer.feature.properties['lisa_q_' + suffix()] : null;
      return q === undefined ? null : q;
    }
    return row.gi_bin;
  }
  function classColor(i) {
    var n = classes.length;
    return PALETTE[n <= 1 ? PALETTE.length - 1 : Math.round(i * (PALETTE.length - 1) / (n - 1))];
  }
  function colorOf(kode) {
    if (hidden[kode]) return HIDDEN_COLORS[String(hidden[kode])];
    var v = values[kode];
    if (v === null || v === undefined) return MUTED;
    if (state.measure === 'gi') return BIN_COLORS[String(Math.max(-3, Math.min(3, Math.round(v))))];
    if (state.measure === 'lisa') return LISA_COLORS[String(v)] || MUTED;
    if (state.measure === 'tren') { var tc = trendClass(v); return tc ? tc.color : MUTED; }
    for (var i = 0; i < classes.length; i++) if (v <= classes[i].upper + 1e-9) return classColor(i);
    return PALETTE[PALETTE.length - 1];
  }
  function styleOf(feature) {
    var kode = feature.properties.kode;
    var selected = kode in values;
    return {
      fillColor: selected ? colorOf(kode) : MUTED,
      fillOpacity: selected ? 0.85 : 0.35,
      color: '#6b6b6b', weight: 0.6
    };
  }

  // ---- legend ----
  var legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    this.div = L.DomUtil.create('div', 'legend');
    this.div.id = 'legend';
    return this.div;
  };
  function measureLabel() {
    if (state.measure === 'rate') return rateBasis === 'per_km2' ? t('ratePerKm2') : t('rate');
    if (state.measure === 'lisa') return t('lisaQ');
    if (state.measure === 'tren' || isStatus(state.measure)) return t(state.measure);
    return t(state.measure === 'gi' ? 'giBin' : state.measure);
  }
  function renderLegend() {
    var c = categoryInfo(state.category);
    var html = '<h3>' + escapeHtml(measureLabel()) + ': ' +
      escapeHtml(c ? (state.lang === 'en' ? c.label_en : c.label_id) : t('all')) + '</h3>';
    function row(color, label) { html += '<div><i style="background:' + color + '"></i>' + escapeHtml(label) + '</div>'; }
    if (state.measure === 'gi') {
      ['3', '2', '1', '0', '-1', '-2', '-3'].forEach(function (b) { row(BIN_COLORS[b], t('bins')[b]); });
    } else if (state.measure === 'lisa') {
      ['1', '4', '2', '3', '0'].forEach(function (q) { row(LISA_COLORS[q], t('quadrants')[q]); });
    } else if (state.measure === 'tren') {
      // The classes of the QGIS style "Tren titik panas", in its order and colours (from /api/meta).
      meta.trend_classes.forEach(function (c) { row(c.color, state.lang === 'en' ? c.label_en : c.label_id); });
    } else {
      var decimals = state.measure === 'count' ? 0 : state.measure === 'priority' ? 1 : 2;
      classes.forEach(function (c, i) {
        row(classColor(i), state.measure === 'count' || isStatus(state.measure) ? c.label
          : number(c.lower, decimals) + ' – ' + number(c.upper, decimals));
      });
    }
    var shown = {};
    Object.keys(hidden).forEach(function (k) { shown[hidden[k]] = true; });
    ['1', '2', '3'].forEach(function (h) {
      if (shown[h]) row(HIDDEN_COLORS[h], t('hidden')[h].replace('{k}', String(privacyK)));
    });
    if (state.kecamatan) row(MUTED, t('notSelected'));
    if (isStatus(state.measure) && statusAnswer) {
      html += '<div class="depends">' + escapeHtml(t('asOf') + ' ' + statusAnswer.as_of) +
        (statusAnswer.leaves_out.length ? ' · ' + escapeHtml(t('sensitiveLeftOut') + ' (' + statusAnswer.leaves_out.map(function (code) {
          var info = categoryInfo(code);
          return info ? categoryLabel(info) : code;
        }).join(', ') + ')') : '') + '</div>';
    }
    if (state.measure === 'priority') {
      // Only what the score depends on: categories with a weight above 0 that can be counted under the filter.
      html += '<div class="depends">' + escapeHtml(t('dependsOn')) + ': ' + priorityCategories.map(function (code) {
        var c = categoryInfo(code);
        return escapeHtml(c ? categoryLabel(c) : code) + ' (' + t('weight') + ' ' + number(c ? c.weight : 1, 1) + ')';
      }).join(', ') + '</div>';
    }
    legend.div.innerHTML = html;
  }

  // ---- the top list ----
  function renderTop(rows) {
    var list = $('top-list');
    list.innerHTML = '';
    var decimals = state.measure === 'count' || isStatus(state.measure) ? 0 : state.measure === 'priority' ? 1 : 2;
    rows.slice(0, 10).forEach(function (r) {
      var li = document.createElement('li');
      var v = state.measure === 'gi' ? r.gi_z : state.measure === 'lisa' ? r.n : valueOf(r);
      var text = state.measure === 'count' && r.disembunyikan ? r.n_keterangan : number(v, state.measure === 'gi' ? 2 : decimals);
      if (state.measure === 'tren') text = r.label;
      li.innerHTML = escapeHtml(r.nama) + ' <small>(' + escapeHtml(r.nama_kec) + ')</small><span class="value">' +
        escapeHtml(text) + '</span>';
      li.dataset.kode = r.kode;
      li.addEventListener('click', function () { openPopup(r.kode); });
      list.appendChild(li);
    });
  }

  // ---- the status view (findings store) and the trend view (tren_<c> on the desa layer) ----
  function finish(rows) {
    desaLayer.setStyle(styleOf);
    renderLegend();
    renderTop(rows);
    if (state.kecamatan) zoomToKecamatan(state.kecamatan);
    renderCount++;
    document.body.dataset.renders = String(renderCount);
    document.body.dataset.view = state.measure;
    document.body.dataset.state = 'ready';
  }
  function inKecamatan(kode) {
    return !state.kecamatan || (byKode[kode] && byKode[kode].feature.properties[FIELDS.kode_kec] === state.kecamatan);
  }
  function rowsFromLayer(valueOfKode) {
    var rows = [];
    Object.keys(byKode).forEach(function (kode) {
      if (!inKecamatan(kode)) return;
      var p = byKode[kode].feature.properties;
      rows.push({ kode: kode, nama: p.nama, nama_kec: p.nama_kec, value: valueOfKode(kode) });
    });
    return rows;
  }
  function updateStatus(mine) {
    var p = new URLSearchParams();
    if (state.category) p.append('category', state.category);
    p.append('lang', state.lang);
    return getJson('api/status?' + p.toString()).then(function (answer) {
      if (mine !== request) return;
      statusAnswer = answer;
      var field = STATUS_FIELDS[state.measure];
      values = {};
      hidden = {};
      var rows = rowsFromLayer(function (kode) { var d = answer.desa[kode]; return d ? d[field] : null; });
      rows.forEach(function (r) { values[r.kode] = r.value; });
      classes = (answer.measures[field] || { classes: [] }).classes;
      rows.sort(function (a, b) { return (b.value === null ? -1 : b.value) - (a.value === null ? -1 : a.value); });
      finish(rows.map(function (r) { return { kode: r.kode, nama: r.nama, nama_kec: r.nama_kec, n: r.value, laju: r.value }; }));
    });
  }
  function updateTrend() {
    var field = 'tren_' + state.category;
    values = {};
    hidden = {};
    classes = [];
    var order = {};
    meta.trend_classes.forEach(function (c, i) { order[c.value] = i; });
    var rows = rowsFromLayer(function (kode) { return byKode[kode].feature.properties[field]; });
    rows.forEach(function (r) { values[r.kode] = r.value; });
    rows = rows.filter(function (r) { return r.value && r.value !== 'tidak_ada_pola'; });
    rows.sort(function (a, b) { return order[a.value] - order[b.value] || (a.nama < b.nama ? -1 : 1); });
    finish(rows.map(function (r) {
      var c = trendClass(r.value);
      return { kode: r.kode, nama: r.nama, nama_kec: r.nama_kec, label: c ? (state.lang === 'en' ? c.label_en : c.label_id) : r.value };
    }));
  }

  // ---- the choropleth ----
  function update() {
    if (state.measure === 'tren' || isStatus(state.measure)) {
      var mineView = ++request;
      document.body.dataset.state = 'loading';
      $('message').textContent = '';
      if (state.measure === 'tren') { updateTrend(); return; }
      updateStatus(mineView).catch(function (e) {
        if (mineView !== request) return;
        $('message').textContent = e.message;
        document.body.dataset.state = 'error';
      });
      return;
    }
    var p = filterParams();
    if (state.category) p.append('category', state.category);
    p.append('sort', state.measure === 'gi' ? 'gi_z' : state.measure === 'lisa' ? 'count' : state.measure);
    p.append('n', 'all');
    if (state.kecamatan) p.append('kecamatan', state.kecamatan);
    var mine = ++request;
    document.body.dataset.state = 'loading';
    $('message').textContent = '';
    getJson('api/query?' + p.toString()).then(function (answer) {
      if (mine !== request) return;  // a newer request is on its way
      rateBasis = answer.rate_basis;
      priorityCategories = answer.priority_categories || [];
      privacyK = answer.privacy_k || privacyK;
      values = {};
      hidden = {};
      answer.rows.forEach(function (r) {
        values[r.kode] = valueOf(r);
        // A withheld count colours the desa as withheld: its rate, Gi* and LISA are withheld with it. (The
        // priority score reads it as (k - 1) / 2, so it stays a number there.)
        if (r.disembunyikan && state.measure !== 'priority') hidden[r.kode] = r.disembunyikan;
      });
      classes = state.measure === 'gi' || state.measure === 'lisa' ? [] : (answer.classes || []);
      // A date range without a dated finding: said (with the range the project holds), not shown as zeros only.
      $('message').textContent = answer.note || '';
      finish(answer.rows);
    }).catch(function (e) {
      if (mine !== request) return;
      $('message').textContent = e.message;
      document.body.dataset.state = 'error';
    });
  }
  function zoomToKecamatan(kode) {
    kecamatanLayer.eachLayer(function (l) {
      if (l.feature.properties.kode === kode) map.fitBounds(l.getBounds(), { padding: [10, 10] });
    });
  }

  // ---- the popup ----
  function popupHtml(s) {
    var c = state.category;
    var html = '<div class="popup" data-kode="' + escapeHtml(s.kode) + '"><h3>' + escapeHtml(s.nama) + '</h3>' +
      '<div class="sub">' + escapeHtml(s.jenis === 'kelurahan' ? t('kelurahan') : t('desa')) + ' · ' + t('kec') + ' ' +
      escapeHtml(s.nama_kec) + ' · ' + escapeHtml(s.kode) + (s.filtered ? ' · ' + t('filtered') : '') + '</div><table>';
    s.categories.forEach(function (x) {
      // A withheld count shows why ("< 5"), never a number.
      var n = x.n === null ? '<span class="withheld">' + escapeHtml(x.n_keterangan || '–') + '</span>' : number(x.n, 0);
      html += '<tr' + (x.code === c ? ' class="current"' : '') + '><td>' + escapeHtml(x.label) + '</td><td class="n">' +
        n + '</td><td>' + (x.gi_bin ? escapeHtml(t('bins')[String(x.gi_bin)]) : '') + '</td></tr>';
    });
    if (s[FIELDS.other]) html += '<tr><td>' + t('other') + '</td><td class="n">' + number(s[FIELDS.other], 0) + '</td><td></td></tr>';
    var leftOut = (s.total_leaves_out || []).map(function (code) {
      var info = categoryInfo(code);
      return info ? categoryLabel(info) : code;
    });
    html += '<tr' + (c ? '' : ' class="current"') + '><td>' + t('total') + '</td><td class="n">' + number(s[FIELDS.total], 0) +
      '</td><td class="muted">' + (leftOut.length ? escapeHtml(t('leavesOut') + ' ' + leftOut.join(', ')) : '') +
      '</td></tr></table>';
    if (s.severity.length) {
      html += '<div><b>' + t('bySeverity') + ':</b> ' + s.severity.map(function (x) {
        return escapeHtml(x.value || '–') + ' ' + number(x.n, 0);
      }).join(', ') + '</div>';
    }
    html += '<div><b>' + t('latest') + ':</b></div>';
    if (!s.latest.length) html += '<div class="muted">' + t('none') + '</div>';
    else {
      html += '<ul>' + s.latest.map(function (f) {
        return '<li>' + escapeHtml(f.tanggal || '') + ' · ' + escapeHtml(f.label) + (f.tingkat ? ' (' + escapeHtml(f.tingkat) + ')' : '') +
          ': ' + (f.keterangan === null ? '<span class="muted">' + t('hiddenNote') + '</span>' : escapeHtml(f.keterangan)) + '</li>';
      }).join('') + '</ul>';
    }
    return html + '</div>';
  }
  function openPopup(kode, latlng) {
    var layer = byKode[kode];
    if (!layer) return;
    var at = latlng || L.latLng(layer.feature.properties.label_lat, layer.feature.properties.label_lon);
    var popup = L.popup({ maxWidth: 320 }).setLatLng(at).setContent(t('loading')).openOn(map);
    document.body.dataset.popup = '';
    var p = filterParams();
    p.append('kode', kode);
    getJson('api/desa?' + p.toString()).then(function (s) {
      popup.setContent(popupHtml(s));
      document.body.dataset.popup = s.kode;
    }).catch(function (e) { popup.setContent(escapeHtml(e.message)); });
  }

  // ---- start ----
  var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  legend.addTo(map);
  map.createPane('kecamatan');
  map.getPane('kecamatan').style.zIndex = 420;
  map.getPane('kecamatan').style.pointerEvents = 'none';

  Promise.all([getJson('api/meta'), getJson('api/layers/kecamatan.geojson'), getJson('api/layers/desa.geojson')])
    .then(function (loaded) {
      meta = loaded[0];
      FIELDS = meta.fields;
      Object.keys(STATUS_FIELDS).forEach(function (m) { STATUS_FIELDS[m] = FIELDS[m]; });
      desaLayer = L.geoJSON(loaded[2], {
        style: styleOf,
        onEachFeature: function (feature, layer) {
          byKode[feature.properties.kode] = layer;
          layer.options.className = 'desa desa-' + feature.properties.kode.replace(/\./g, '');
          layer.on('click', function (e) { openPopup(feature.properties.kode, e.latlng); });
          layer.bindTooltip(feature.properties.nama, { sticky: true, direction: 'top', className: 'desa-tip' });
        }
      }).addTo(map);
      kecamatanLayer = L.geoJSON(loaded[1], {
        pane: 'kecamatan', interactive: false,
        style: { color: '#333', weight: 1.6, fill: false }
      }).addTo(map);
      // Desa names as labels at close zoom (they ignore the pointer, so clicks reach the desa).
      labelLayer = L.layerGroup(loaded[2].features.filter(function (f) {
        return f.properties.label_lat !== null && f.properties.label_lon !== null;
      }).map(function (f) {
        return L.marker([f.properties.label_lat, f.properties.label_lon], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'desa-label', html: '<span>' + escapeHtml(f.properties.nama) + '</span>', iconSize: null })
        });
      }));
      map.on('zoomend', function () {
        if (map.getZoom() >= LABEL_ZOOM) labelLayer.addTo(map); else labelLayer.remove();
      });
      map.fitBounds(desaLayer.getBounds());
      fillControls();
      bindControls();
      window.peta = { map: map, desaLayer: desaLayer, byKode: byKode, state: state };
      update();
    })
    .catch(function (e) {
      $('message').textContent = e.message;
      document.body.dataset.state = 'error';
    });
})();
