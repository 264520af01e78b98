/* A route's map: numbered markers for the stops, a line through them in walking order. The points come
   from the stop list itself (data-stop-*), which stays usable without the map; tiles only after the
   two-click consent (directory/map-consent.js). */
(function () {
  "use strict";
  var el = document.getElementById("route-map");
  if (!el || !window.L || !window.mbbMapConsent) return;

  var map = L.map(el, { scrollWheelZoom: false, maxZoom: 19 });
  var points = [];
  document.querySelectorAll("[data-stop-lat]").forEach(function (stop) {
    var latlng = [parseFloat(stop.dataset.stopLat), parseFloat(stop.dataset.stopLng)];
    var number = stop.dataset.stopNumber;
    var label = number + ". " + stop.dataset.stopName;
    var icon = L.divIcon({ className: "route-marker", html: number, iconSize: [32, 32], iconAnchor: [16, 16], popupAnchor: [0, -16] });
    var link = document.createElement("a");
    link.href = stop.dataset.stopUrl;
    link.textContent = label;
    L.marker(latlng, { icon: icon, title: label }).bindPopup(link).addTo(map);
    points.push(latlng);
  });
  if (points.length > 1) {
    L.polyline(points, { className: "route-line", color: "#a3341c", weight: 4, dashArray: "8 8" }).addTo(map);
  }
  map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 17 });

  window.mbbMapConsent(el, map);
})();
