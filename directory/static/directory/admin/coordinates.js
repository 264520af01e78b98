/* Coordinates picker in the profile editor: map clicks and marker drags fill the latitude/longitude
   fields, typing in them moves the marker, "Find address" asks the server-side address search. */
(function () {
  "use strict";
  var BOCHUM = [51.4818, 7.2162];

  function setUp(el) {
    var form = el.closest("form");
    var lat = form && form.querySelector("input[name='latitude']");
    var lon = form && form.querySelector("input[name='longitude']");
    if (!lat || !lon || !window.L || !window.mbbMapConsent || el.dataset.ready) return;
    el.dataset.ready = "yes";
    el.hidden = false;

    function typed() {
      var a = parseFloat(lat.value.replace(",", ".")), b = parseFloat(lon.value.replace(",", "."));
      return isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? L.latLng(a, b) : null;
    }

    var start = typed();
    var map = L.map(el.querySelector("[data-map]"), { scrollWheelZoom: false, maxZoom: 19 }).setView(start || BOCHUM, start ? 17 : 13);
    window.mbbMapConsent(el, map);
    var marker = null;
    // The panel may start collapsed or in a hidden tab: redraw once it gets a size.
    if (window.ResizeObserver) new ResizeObserver(function () { map.invalidateSize(); }).observe(el);

    function fill(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      // Wagtail watches inputs for unsaved changes.
      lat.dispatchEvent(new Event("change", { bubbles: true }));
      lon.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function place(latlng) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, autoPan: true }).addTo(map);
        marker.on("dragend", function () { fill(marker.getLatLng()); });
      } else {
        marker.setLatLng(latlng);
      }
    }

    if (start) place(start);
    map.on("click", function (event) { place(event.latlng); fill(event.latlng); });
    [lat, lon].forEach(function (input) {
      input.addEventListener("input", function () {
        var point = typed();
        if (point) { place(point); map.panTo(point); }
      });
    });

    var button = el.querySelector("[data-geocode]");
    if (!button) return;
    var status = el.querySelector("[data-geocode-status]");
    var results = el.querySelector("[data-geocode-results]");
    button.addEventListener("click", function () {
      var query = ["street", "postcode", "city"].map(function (name) {
        var input = form.querySelector("[name='" + name + "']");
        return input ? input.value.trim() : "";
      }).filter(Boolean).join(", ");
      status.textContent = el.dataset.searching;
      results.replaceChildren();
      fetch(el.dataset.geocodeUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (data.error) { status.textContent = data.error; return; }
          status.textContent = data.results.length ? "" : el.dataset.noResults;
          data.results.forEach(function (result) {
            var item = document.createElement("li");
            var choice = document.createElement("button");
            choice.type = "button";
            choice.className = "button button-small button-secondary";
            choice.textContent = result.label;
            choice.addEventListener("click", function () {
              var point = L.latLng(result.lat, result.lon);
              place(point); fill(point); map.setView(point, 17);
              results.replaceChildren();
            });
            item.appendChild(choice);
            results.appendChild(item);
          });
        })
        .catch(function () { status.textContent = el.dataset.unreachable; });
    });
  }

  function init() { document.querySelectorAll("[data-coordinates-picker]").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
