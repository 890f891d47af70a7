/// Runs before first paint (a classic blocking script, so the theme never flashes): applies the theme the
/// user chose last time; without a choice, CSS follows `prefers-color-scheme`.
enum ThemeScript {
    static let js = #"""
(function () {
  try {
    var theme = localStorage.getItem("millrace.theme");
    if (theme === "dark" || theme === "light") document.documentElement.dataset.theme = theme;
  } catch (e) { /* storage may be blocked; the system preference still applies */ }
})();
"""#
}
