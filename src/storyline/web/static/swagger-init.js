// The API page: Swagger UI from the package, started here (no inline script: the CSP forbids them).
(function () {
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: box.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
