window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", persistAuthorization: true });
