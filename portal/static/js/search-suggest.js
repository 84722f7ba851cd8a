// Suggestions under the search box: titles that start with what is typed. Without this script the
// search box is a plain form, and works the same.
(function () {
    "use strict";
    document.querySelectorAll("[data-suggestions-url]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        input.addEventListener("input", function () {
            clearTimeout(timer);
            var words = input.value.trim();
            if (words.length < 2) {
                list.replaceChildren();
                return;
            }
            timer = setTimeout(function () {
                var url = input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(words);
                fetch(url, {headers: {Accept: "application/json"}})
                    .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                    .then(function (data) {
                        list.replaceChildren.apply(list, data.suggestions.map(function (item) {
                            var option = document.createElement("option");
                            option.value = item.title;
                            return option;
                        }));
                    })
                    .catch(function () { list.replaceChildren(); });
            }, 200);
        });
    });
})();
