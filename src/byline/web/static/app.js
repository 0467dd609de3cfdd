// byline web: two small conveniences; every page works without them.
"use strict";

// "/" focuses the search box, unless the user is typing somewhere.
document.addEventListener("keydown", (event) => {
  const box = document.getElementById("q");
  if (event.key !== "/" || !box || event.target.closest("input, textarea, select")) {
    return;
  }
  event.preventDefault();
  box.focus();
});

// The inspector's "Hide dropped blocks" switch.
const hideDropped = document.getElementById("hide-dropped");
if (hideDropped) {
  hideDropped.closest("label").hidden = false;
  hideDropped.addEventListener("change", () => {
    document.getElementById("blocks").classList.toggle("hide-dropped", hideDropped.checked);
  });
}
