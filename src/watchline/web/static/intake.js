// The finding form's map: a click fills the latitude and longitude fields and moves a
// marker there; typed coordinates move the marker too. Without JavaScript (or Leaflet)
// the fields are typed by hand. The theatre's line and sectors are drawn for bearings.
(function () {
  "use strict";
  function round(value) { return Math.round(value * 1e5) / 1e5; }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("finding-map");
    if (!el) return;
    var lat = document.getElementById(el.dataset.lat || "lat");
    var lon = document.getElementById(el.dataset.lon || "lon");
    if (typeof L === "undefined" || !lat || !lon) {
      el.textContent = "Map unavailable: type the coordinates.";
      return;
    }
    var map = L.map(el, { attributionControl: false }).setView([40.0, 45.5], 8);
    if (window.watchlineTiles) window.watchlineTiles(map);
    var marker = null;
    function place(latlng) {
      if (marker) marker.setLatLng(latlng);
      else marker = L.circleMarker(latlng, { radius: 7, color: "#b42318" }).addTo(map);
    }
    function fromFields() {
      var y = parseFloat(lat.value.replace(",", ".")), x = parseFloat(lon.value.replace(",", "."));
      if (isFinite(y) && isFinite(x) && Math.abs(y) <= 90 && Math.abs(x) <= 180) place([y, x]);
    }
    map.on("click", function (event) {
      lat.value = String(round(event.latlng.lat));
      lon.value = String(round(event.latlng.lng));
      place(event.latlng);
    });
    lat.addEventListener("change", fromFields);
    lon.addEventListener("change", fromFields);
    fromFields();
    fetch("/api/map/theatre", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data) {
          var layer = L.geoJSON(data, {
            style: { color: "#98a2b3", weight: 1, fillOpacity: 0.03 },
            interactive: false
          }).addTo(map);
          if (!marker && layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
        }
      })
      .catch(function () { /* the map still takes clicks without the theatre drawn */ })
      .then(function () { el.dataset.ready = "true"; });
  });
})();
