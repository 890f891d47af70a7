/// The mark: a mill wheel over a water line, in the accent colour; readable at 16 px.
enum Favicon {
    static let svg = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b3a5b"/><circle cx="32" cy="28" r="15" fill="none" stroke="#7cc4ff" stroke-width="5"/><g stroke="#7cc4ff" stroke-width="4" stroke-linecap="round"><path d="M32 13v30M17 28h30M21.4 17.4l21.2 21.2M42.6 17.4L21.4 38.6"/></g><path d="M6 52c6-5 10-5 16 0s10 5 16 0 10-5 20 0" fill="none" stroke="#38d39f" stroke-width="5" stroke-linecap="round"/></svg>
"""#
}
