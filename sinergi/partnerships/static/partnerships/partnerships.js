// Party rows of the agreement form: remove a row, and clear the search once an organisation has been added.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-remove-party]");
    if (button) {
      var row = button.closest(".party-row");
      if (row) { row.remove(); }
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "parties") {
      var options = document.getElementById("party-options");
      var search = document.getElementById("party-search");
      if (options) { options.innerHTML = ""; }
      if (search) { search.value = ""; search.focus(); }
    }
  });
})();
