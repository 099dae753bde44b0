// Progressive enhancement only: every page and form works without this script.
import DS from "/assets/ds/scripts/design-system.js";

DS.initAll();
