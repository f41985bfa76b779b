// The optional tile layer of a connected deployment (WATCHLINE_TILE_URL), under the
// vector layers of every map. The page's <body> carries the checked URL template and the
// credit line; without them (the default, air-gapped) nothing is requested. The credit
// is set as text: Leaflet's own attribution control would take it as HTML.
(function () {
  "use strict";
  window.watchlineTiles = function (map) {
    var body = document.body;
    var url = body && body.dataset.tileUrl;
    if (!url || typeof L === "undefined") return null;
    var layer = L.tileLayer(url, { maxZoom: 19, crossOrigin: false }).addTo(map);
    layer.bringToBack();
    var credit = body.dataset.tileAttribution;
    if (credit) {
      var control = L.control({ position: "bottomleft" });
      control.onAdd = function () {
        var box = document.createElement("div");
        box.className = "map-credit";
        box.textContent = credit;
        return box;
      };
      control.addTo(map);
    }
    return layer;
  };
})();
