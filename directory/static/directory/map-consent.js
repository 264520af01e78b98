/* Two-click consent for map tiles, shared by every map: nothing is fetched from the tile server until
   the visitor agrees twice; the choice is remembered in localStorage. Markers work without tiles. */
window.mbbMapConsent = function (el, map) {
  "use strict";
  var CONSENT_KEY = "mbb-map-tiles";

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
};
