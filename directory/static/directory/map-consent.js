/* Controls and tiles, shared by every map. Through the site's own tile proxy they load at once; straight from a
   tile server only after a two-click consent (the .map-consent box), which is remembered in localStorage
   and can be withdrawn. Markers work without tiles. */
window.mbbMapConsent = function (el, map) {
  "use strict";
  var CONSENT_KEY = "mbb-map-tiles";
  var consent = el.querySelector(".map-consent");
  var withdraw = el.querySelector("[data-consent-withdraw]");
  var layer = null;

  function loadTiles() {
    layer = L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    if (consent) consent.hidden = true;
    if (withdraw) withdraw.hidden = false;
  }

  // Leaflet's own controls speak English; the page gives their texts in the visitor's language.
  var texts = el.querySelector("[data-map-texts]");
  if (texts && map.zoomControl) {
    map.zoomControl.remove();
    L.control.zoom({ zoomInTitle: texts.dataset.zoomIn, zoomOutTitle: texts.dataset.zoomOut }).addTo(map);
  }
  if (texts && map.attributionControl) {
    var library = document.createElement("a");
    library.href = "https://leafletjs.com";
    library.title = texts.dataset.library;
    library.textContent = "Leaflet";
    map.attributionControl.setPrefix(library.outerHTML);
  }

  if (!el.dataset.tiles) return;
  if (!consent || (window.localStorage && localStorage.getItem(CONSENT_KEY) === "yes")) {
    loadTiles();
  }
  if (!consent) return;

  var first = consent.querySelector("[data-consent-step='1']");
  var confirmRow = consent.querySelector(".map-consent__confirm");
  L.DomEvent.disableClickPropagation(consent);
  first.addEventListener("click", function () {
    first.hidden = true;
    confirmRow.hidden = false;
    confirmRow.querySelector("button").focus();
  });
  consent.querySelector("[data-consent-step='2']").addEventListener("click", function () {
    if (window.localStorage) localStorage.setItem(CONSENT_KEY, "yes");
    loadTiles();
    if (withdraw) withdraw.focus();
  });
  consent.querySelector("[data-consent-cancel]").addEventListener("click", function () {
    confirmRow.hidden = true;
    first.hidden = false;
    first.focus();
  });
  if (withdraw) {
    L.DomEvent.disableClickPropagation(withdraw);
    withdraw.addEventListener("click", function () {
      if (window.localStorage) localStorage.removeItem(CONSENT_KEY);
      if (layer) map.removeLayer(layer);
      layer = null;
      withdraw.hidden = true;
      confirmRow.hidden = true;
      first.hidden = false;
      consent.hidden = false;
      first.focus();
    });
  }
};
