// Progressive enhancement only: every page and form works without this script.
import DS from "/assets/ds/scripts/design-system.js";

// The design system's menu button takes the menu's id from the label's aria-controls, which HTML
// does not allow on a label; the page names it in data-aria-controls, and it is copied across here.
for (const label of document.querySelectorAll("label[data-aria-controls]")) {
  label.setAttribute("aria-controls", label.getAttribute("data-aria-controls"));
}

DS.initAll();
