// Draws the layers named in #map's data-layers (GeoJSON URLs) with Leaflet, over tiles
// only where the deployment set a tile URL (static/tiles.js):
// the theatre's line, sectors and bases; case areas coloured by verdict; patrol tracks
// coloured by time (older lighter); findings; on a case's page its covered part (what its
// verdict counted as coverage); a legend and a time slider. Every text from
// data reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var STATUS = {
    contradicted: "#b42318", corroborated: "#067647", not_covered: "#8a6d00",
    disputed: "#6941c6", unobservable: "#475467", pending: "#98a2b3"
  };
  var FINDING = { nothing_unusual: "#667085" };
  var COVERED = "#0e9384";  // the case's covered part (its verdict's coverage)
  var span = { min: null, max: null };

  function time(feature) {
    var p = feature.properties || {};
    var t = Date.parse(p.start || "");
    return isNaN(t) ? null : t;
  }
  function patrolColour(t) {
    // from light blue (oldest) to dark blue (newest)
    if (t === null || span.min === null || span.max === span.min) return "#1570ef";
    var f = (t - span.min) / (span.max - span.min);
    var light = [178, 221, 255], dark = [16, 42, 130];
    var c = light.map(function (v, i) { return Math.round(v + (dark[i] - v) * f); });
    return "rgb(" + c.join(",") + ")";
  }
  function style(feature) {
    var p = feature.properties || {};
    if (p.layer === "border") return { color: "#b42318", weight: 2 };
    if (p.layer === "sector") return { color: "#98a2b3", weight: 1, fillOpacity: 0.05 };
    if (p.layer === "patrol") return { color: patrolColour(time(feature)), weight: 2 };
    if (p.layer === "case") {
      var c = STATUS[p.status] || "#f79009";
      return { color: c, weight: 2, fillColor: c, fillOpacity: 0.25 };
    }
    if (p.layer === "coverage") {
      return { color: COVERED, weight: 1, dashArray: "4 3", fillColor: COVERED, fillOpacity: 0.35 };
    }
    if (p.layer === "coverage_track") return { color: COVERED, weight: 4, opacity: 0.9 };
    if (p.layer === "observation") {
      return { color: FINDING[p.type] || "#d55e00", weight: 1, fillOpacity: 0.3 };
    }
    return { color: "#475467" };
  }
  function point(feature, latlng) {
    var p = feature.properties || {};
    if (p.layer === "base") {
      return L.circleMarker(latlng, { radius: 6, color: "#101828", weight: 2, fillOpacity: 0.9 });
    }
    if (p.layer === "coverage_finding") {
      return L.circleMarker(latlng, { radius: 8, color: COVERED, weight: 3, fillOpacity: 0 });
    }
    var colour = p.layer === "observation" ? (FINDING[p.type] || "#d55e00") : "#475467";
    return L.circleMarker(latlng, { radius: 5, color: colour, fillOpacity: 0.7 });
  }
  function label(feature) {
    var p = feature.properties || {};
    var node = document.createElement("span");
    var layer = String(p.layer || "").replace(/_/g, " ").replace(/^coverage/, "covered:");
    node.textContent = [layer, p.name || p.title || p.team || p.type || "", p.status || "",
      p.start || ""]
      .map(function (part) { return String(part === null ? "" : part); })
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    return node;
  }
  function legend(map, covered) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = document.createElement("div");
      box.className = "map-legend";
      function row(colour, text) {
        var line = document.createElement("div");
        var swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = colour;
        line.appendChild(swatch);
        line.appendChild(document.createTextNode(" " + text));
        box.appendChild(line);
      }
      row("#b42318", "border");
      row("#101828", "base");
      row("rgb(178,221,255)", "patrol (older)");
      row("rgb(16,42,130)", "patrol (newer)");
      row("#d55e00", "finding");
      row("#667085", "finding: nothing unusual");
      Object.keys(STATUS).forEach(function (s) { row(STATUS[s], "case: " + s.replace("_", " ")); });
      if (covered) row(COVERED, "covered part (the verdict's coverage)");
      return box;
    };
    control.addTo(map);
  }
  function slider(el, layers) {
    // Shows only what happened up to the chosen day (things without a time always show).
    if (span.min === null || span.max === span.min) return;
    var day = 86400000;
    var wrap = document.createElement("label");
    wrap.className = "map-time";
    var input = document.createElement("input");
    input.type = "range";
    input.min = String(Math.floor(span.min / day));
    input.max = String(Math.ceil(span.max / day));
    input.value = input.max;
    var shown = document.createElement("span");
    function update() {
      var until = (Number(input.value) + 1) * day;
      shown.textContent = " up to " + new Date(until - 1).toISOString().slice(0, 10);
      layers.forEach(function (layer) {
        layer.eachLayer(function (item) {
          var t = time(item.feature);
          var visible = t === null || t < until;
          var fill = style(item.feature).fillOpacity || 0.2;
          if (item.setStyle) item.setStyle({ opacity: visible ? 1 : 0, fillOpacity: visible ? fill : 0 });
        });
      });
      el.dataset.until = new Date(until - 1).toISOString().slice(0, 10);
    }
    input.addEventListener("input", update);
    wrap.appendChild(document.createTextNode("Time "));
    wrap.appendChild(input);
    wrap.appendChild(shown);
    el.parentNode.insertBefore(wrap, el.nextSibling);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("map");
    if (!el) return;
    if (typeof L === "undefined") {
      el.textContent = "Map unavailable: Leaflet is not installed (run 'make web-assets').";
      return;
    }
    var map = L.map(el, { attributionControl: false });
    if (window.watchlineTiles) window.watchlineTiles(map);
    var bounds = L.latLngBounds([]);
    var urls = (el.dataset.layers || "").split(" ").filter(Boolean);
    Promise.all(urls.map(function (u) { return fetch(u).then(function (r) { return r.json(); }); }))
      .then(function (collections) {
        collections.forEach(function (data) {
          (data.features || []).forEach(function (f) {
            var t = time(f);
            if (t === null) return;
            span.min = span.min === null ? t : Math.min(span.min, t);
            span.max = span.max === null ? t : Math.max(span.max, t);
          });
        });
        var layers = collections.map(function (data) {
          var layer = L.geoJSON(data, {
            style: style,
            pointToLayer: point,
            onEachFeature: function (f, l) { l.bindTooltip(label(f)); }
          }).addTo(map);
          if (layer.getBounds().isValid()) bounds.extend(layer.getBounds());
          return layer;
        });
        if (bounds.isValid()) map.fitBounds(bounds); else map.setView([40.0, 45.5], 7);
        var covered = collections.some(function (data) {
          return (data.features || []).some(function (f) {
            return String((f.properties || {}).layer || "").indexOf("coverage") === 0;
          });
        });
        el.dataset.covered = covered ? "true" : "false";
        legend(map, covered);
        slider(el, layers);
        el.dataset.ready = "true";
      })
      .catch(function (err) { el.textContent = "Map layers failed to load: " + String(err); });
  });
})();
