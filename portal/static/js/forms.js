// A form sent once is not sent again by a second click while the next page loads: its buttons say
// so and further submits are dropped. The server holds the same line without JavaScript (one
// registration per person, endorsements idempotent, a comment resent within minutes is the same
// comment); this only spares the second request. Coming back with the back button re-arms it.
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if ((form.method || "").toLowerCase() !== "post") {
            return;
        }
        if (form.dataset.sent) {
            event.preventDefault();
            return;
        }
        form.dataset.sent = "true";
        form.querySelectorAll("[type=submit]").forEach(function (button) {
            button.setAttribute("aria-disabled", "true");
        });
    });
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form[data-sent]").forEach(function (form) {
            delete form.dataset.sent;
            form.querySelectorAll("[aria-disabled]").forEach(function (button) {
                button.removeAttribute("aria-disabled");
            });
        });
    });
})();
