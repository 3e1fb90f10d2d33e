// Kept out of the page: the content security policy runs no inline scripts.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
