// Points Scalar's bundled reference at the portal's generated OpenAPI document. Kept in a file: the CSP refuses inline scripts.
// Everything that would reach another site is off: default fonts (fonts.scalar.com), the request proxy, the client
// download button and Scalar's hosted services. The element is not « #api-reference »: the bundle mounts that one by itself,
// without this configuration.
(function () {
  var element = document.getElementById('reference');
  if (!element || !window.Scalar) {
    return;
  }
  window.Scalar.createApiReference(element, {
    url: element.getAttribute('data-document'),
    withDefaultFonts: false,
    hideClientButton: true,
    showDeveloperTools: 'never',
    telemetry: false,
    mcp: { disabled: true },
    agent: { disabled: true },
    documentDownloadType: 'json',
  });
})();
