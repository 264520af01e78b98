/* The producer map: markers from our own GeoJSON, clustered; tiles only after a two-click consent
   (map-consent.js). */
(function () {
  "use strict";
  var el = document.getElementById("producer-map");
  if (!el || !window.L || !window.mbbMapConsent) return;

  var map = L.map(el, { scrollWheelZoom: false, maxZoom: 19 }).setView([51.4818, 7.2162], 15);
  var cluster = L.markerClusterGroup();
  map.addLayer(cluster);

  fetch(el.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        onEachFeature: function (feature, marker) {
          var link = document.createElement("a");
          link.href = feature.properties.url.replace(/^https?:\/\/[^/]+\/de\//, "/" + document.documentElement.lang + "/");
          link.textContent = feature.properties.name;
          marker.bindPopup(link);
          marker.options.title = feature.properties.name;
          marker.options.alt = feature.properties.name;
        }
      });
      cluster.addLayer(layer);
      if (layer.getLayers().length) map.fitBounds(cluster.getBounds(), { maxZoom: 16, padding: [20, 20] });
    });

  window.mbbMapConsent(el, map);
})();
