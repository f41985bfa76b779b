// Draws the layers named in #map's data-layers (GeoJSON URLs) with Leaflet, without tiles.
(function () {
  "use strict";
  function style(feature) {
    var layer = feature.properties.layer;
    if (layer === "border") return { color: "#b42318", weight: 2 };
    if (layer === "sector") return { color: "#98a2b3", weight: 1, fillOpacity: 0.05 };
    if (layer === "patrol") return { color: "#1570ef", weight: 2 };
    if (layer === "case") return { color: "#f79009", weight: 2, fillOpacity: 0.2 };
    return { color: "#475467" };
  }
  // A tooltip is an element whose text is set with textContent: data never becomes HTML
  // (Leaflet reads a string given to bindTooltip/bindPopup as HTML).
  function label(feature) {
    var p = feature.properties || {};
    var node = document.createElement("span");
    node.textContent = [p.layer, p.name || p.title || p.team || "", p.start || ""]
      .map(function (part) { return String(part); })
      .join(" ")
      .trim();
    return node;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("map");
    if (!el) return;
    if (typeof L === "undefined") {
      el.textContent = "Map unavailable: Leaflet is not installed (run 'make web-assets').";
      return;
    }
    var map = L.map(el, { attributionControl: false });
    var bounds = L.latLngBounds([]);
    var urls = (el.dataset.layers || "").split(" ").filter(Boolean);
    Promise.all(urls.map(function (u) { return fetch(u).then(function (r) { return r.json(); }); }))
      .then(function (layers) {
        layers.forEach(function (data) {
          var layer = L.geoJSON(data, {
            style: style,
            pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 5 }); },
            onEachFeature: function (f, l) { l.bindTooltip(label(f)); }
          }).addTo(map);
          if (layer.getBounds().isValid()) bounds.extend(layer.getBounds());
        });
        if (bounds.isValid()) map.fitBounds(bounds); else map.setView([40.0, 45.5], 7);
        el.dataset.ready = "true";
      })
      .catch(function (err) { el.textContent = "Map layers failed to load: " + String(err); });
  });
})();
