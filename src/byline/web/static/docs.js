// Starts Swagger UI on /docs (kept out of the page: the CSP allows no inline script).
"use strict";

window.addEventListener("load", () => {
  if (typeof SwaggerUIBundle === "function") {  // absent when the CDN is unreachable
    SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
  }
});
