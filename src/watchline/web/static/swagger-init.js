// Starts Swagger UI on /docs from the locally served bundle (no inline script, no CDN).
(function () {
  "use strict";
  // The bundled Swagger UI (4.x) reads OpenAPI 3.0 only; FastAPI writes 3.1. The schema
  // uses nothing 4.x cannot draw, so it is shown under a 3.0 label (the served schema is
  // unchanged: clients and /openapi.json still see 3.1).
  function readable(res) {
    if (!res || typeof res.text !== "string" || res.text.indexOf('"openapi"') < 0) return res;
    try {
      var spec = JSON.parse(res.text);
      if (typeof spec.openapi === "string" && /^3\.1\./.test(spec.openapi)) {
        spec.openapi = "3.0.3";
        res.text = JSON.stringify(spec);
        res.body = spec;
        res.obj = spec;
      }
    } catch (err) {
      // not JSON: leave it to Swagger UI to report
    }
    return res;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("swagger-ui");
    if (!el) return;
    if (typeof SwaggerUIBundle === "undefined") {
      el.textContent = "API documentation unavailable: the Swagger UI bundle did not load.";
      return;
    }
    window.ui = SwaggerUIBundle({
      url: el.dataset.openapiUrl || "/openapi.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      responseInterceptor: readable
    });
    el.dataset.ready = "true";
  });
})();
