// The header's menu is a <details> element: on a phone it folds behind its "Menu" button, with
// or without JavaScript. On wider screens the stylesheet shows its content without opening it
// (::details-content); browsers without that selector get it opened here instead.
(function () {
    "use strict";
    var menu = document.querySelector("[data-menu]");
    if (!menu || !window.CSS || CSS.supports("selector(::details-content)")) {
        return;
    }
    var wide = window.matchMedia("(min-width: 48rem)");
    function follow() {
        menu.open = wide.matches;
    }
    follow();
    wide.addEventListener("change", follow);
})();
