// A page written in Spanish opens on its Spanish fields: the language picker of
// wagtail-modeltranslation starts on the page's original language. It reads its
// default in a jQuery ready handler, which runs after DOMContentLoaded listeners.
(function () {
  "use strict";
  function useOriginalLanguage() {
    var select = document.getElementById("id_original_language");
    var settings = window.wagtailModelTranslations;
    if (!select || !settings || settings.languages.indexOf(select.value) === -1) {
      return;
    }
    settings.locale_picker_default = [select.value];
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", useOriginalLanguage);
  } else {
    useOriginalLanguage();
  }
})();
