/* The producer map: markers from our own GeoJSON, clustered; tiles only after a two-click consent. */
(function () {
  "use strict";
  var el = document.getElementById("producer-map");
  if (!el || !window.L) return;
  var CONSENT_KEY = "mbb-map-tiles";

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

  function loadTiles() {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    var consent = el.querySelector(".map-consent");
    if (consent) consent.remove();
  }

  if (window.localStorage && localStorage.getItem(CONSENT_KEY) === "yes") {
    loadTiles();
    return;
  }
  var first = el.querySelector("[data-consent-step='1']");
  var confirmRow = el.querySelector(".map-consent__confirm");
  L.DomEvent.disableClickPropagation(el.querySelector(".map-consent"));
  first.addEventListener("click", function () {
    first.hidden = true;
    confirmRow.hidden = false;
    confirmRow.querySelector("button").focus();
  });
  el.querySelector("[data-consent-step='2']").addEventListener("click", function () {
    if (window.localStorage) localStorage.setItem(CONSENT_KEY, "yes");
    loadTiles();
  });
  el.querySelector("[data-consent-cancel]").addEventListener("click", function () {
    confirmRow.hidden = true;
    first.hidden = false;
    first.focus();
  });
})();
